using System.Runtime.CompilerServices;
using DocRag.Core.Generation;
using DocRag.Core.Text;
using Microsoft.Extensions.AI;

namespace DocRag.Core.Tests.Answering;

/// <summary>
/// A generator that streams a scripted reply piece by piece and records what it was asked; for testing the answer
/// logic only (the real generators have their own tests). Counts tokens as words, so budgets are easy to reason about.
/// </summary>
internal sealed class ScriptedChatClient(params string[] pieces) : IChatClient
{
    private readonly List<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> _calls = [];

    public IReadOnlyList<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> Calls => _calls;

    public int ContextSize { get; init; } = 4096;

    /// <summary>Usage reported with the last piece; null reports none.</summary>
    public UsageDetails? Usage { get; init; } = new() { InputTokenCount = 123, OutputTokenCount = 7 };

    /// <summary>When set, the stream waits for it after the first piece (to hold a generation slot, or to be cancelled).</summary>
    public TaskCompletionSource? Hold { get; init; }

    /// <summary>Thrown by the stream before the first piece.</summary>
    public Exception? Failure { get; init; }

    public bool Cancelled { get; private set; }

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("answers stream");

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        _calls.Add(([.. messages], options));
        Started.TrySetResult();
        if (Failure is not null)
        {
            throw Failure;
        }

        for (var i = 0; i < pieces.Length; i++)
        {
            var update = new ChatResponseUpdate(ChatRole.Assistant, pieces[i]);
            if (i == pieces.Length - 1 && Usage is not null)
            {
                update.Contents.Add(new UsageContent(Usage));
            }

            yield return update;
            if (i == 0 && Hold is not null)
            {
                try
                {
                    await Hold.Task.WaitAsync(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    Cancelled = true;
                    throw;
                }
            }
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ITokenCounter) ? WordCounter.Instance
        : serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("scripted", null, "scripted-model")
        : serviceType == typeof(GenerationModelInfo) ? Info(ContextSize)
        : null;

    public void Dispose()
    {
    }

    private static GenerationModelInfo Info(int contextSize) =>
        new("scripted-model", "scripted", 0, "test", "scripted", 0, contextSize, contextSize, 0, "none", false, "CPU", 0, 1, 1);
}
