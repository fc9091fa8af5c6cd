using DocRag.Core.Remote;
using Microsoft.Extensions.AI;

namespace DocRag.Core.Generation;

/// <summary>The generator as a remote OpenAI-compatible server (<c>DocRag:Generation:Endpoint</c>): no file, no probe.</summary>
public sealed partial class GenerationModelHost
{
    private OpenAiChatClient? _remote;

    private OpenAiChatClient GetRemote()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Volatile.Read(ref _remote) is { } ready)
        {
            return ready;
        }

        var client = new OpenAiChatClient(_options.Endpoint);
        if (Interlocked.CompareExchange(ref _remote, client, null) is { } other)
        {
            client.Dispose();
            return other;
        }

        var info = client.Info;
        Volatile.Write(ref _status, new GenerationModelStatus(GenerationModelState.Ready, info.ModelPath, $"remote OpenAI-compatible server, model {info.ModelId}", info));
        Log.GenerationRemote(_logger, info.ModelPath, info.ModelId, info.ContextSize);
        return client;
    }
}
