using System.ClientModel;
using DocRag.Core.Remote;
using Microsoft.Extensions.AI;

namespace DocRag.Core.Embeddings;

/// <summary>The embedder as a remote OpenAI-compatible server (<c>DocRag:Embedding:Endpoint</c>).</summary>
public sealed partial class EmbeddingModelHost
{
    /// <summary>How long a remote embedder that could not be reached stays off before it is asked again.</summary>
    internal static readonly TimeSpan RemoteRetryDelay = TimeSpan.FromSeconds(30);

    private async Task<IEmbeddingGenerator<string, Embedding<float>>?> LoadRemoteAsync()
    {
        var endpoint = _options.Endpoint;
        var url = OpenAiChatClient.RemoteUrl(new Uri(endpoint.Url!));
        SetStatus(new EmbeddingModelStatus(EmbeddingModelState.Loading, $"asking {url} for model {endpoint.Model}", Directory: url));
        try
        {
            // The index records the vector length, so a server that does not say it is asked once for a vector.
            var dimensions = endpoint.Dimensions ?? await MeasureDimensionsAsync(endpoint).ConfigureAwait(false);
            var generator = new OpenAiEmbeddingGenerator(endpoint, _options, dimensions);
            SetStatus(new EmbeddingModelStatus(EmbeddingModelState.Ready, null, generator.ModelId, dimensions, "remote", url));
            Log.EmbeddingRemote(_logger, url, endpoint.Model!, dimensions);
            return generator;
        }
        catch (Exception ex) when (ex is ClientResultException or HttpRequestException or IOException or OperationCanceledException or InvalidOperationException)
        {
            var reason = $"the embedding server at {url} did not answer ({ex.Message.ReplaceLineEndings(" ")})";
            Log.EmbeddingModelFailed(_logger, reason);
            SetStatus(new EmbeddingModelStatus(EmbeddingModelState.Failed, reason, Directory: url));
            _retryRemoteAt = DateTimeOffset.UtcNow + RemoteRetryDelay;
            return null;
        }
    }

    private async Task<int> MeasureDimensionsAsync(RemoteEndpointOptions endpoint)
    {
        using var probe = new OpenAiEmbeddingGenerator(endpoint, _options, dimensions: 0);
        var vectors = await probe.GenerateAsync(["DocRag"]).ConfigureAwait(false);
        return vectors[0].Vector.Length is > 0 and var length
            ? length
            : throw new InvalidOperationException("the embedding server returned an empty vector");
    }
}
