using DocRag.Core.Hosting;
using Microsoft.ML.OnnxRuntime;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Embeddings;

/// <summary>
/// The process's one embedding model, loaded on first use and shared by the server and the CLI. No model (turned off,
/// not found, or failing to load) is not an error here: <see cref="GetAsync"/> returns null and <see cref="Status"/>
/// says why, so search falls back to keywords.
/// </summary>
public sealed partial class EmbeddingModelHost : IDisposable
{
    private readonly EmbeddingOptions _options;
    private readonly string _modelsDirectory;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private Task<IEmbeddingGenerator<string, Embedding<float>>?>? _loading;
    private DateTimeOffset _retryRemoteAt;
    private EmbeddingModelStatus _status = new(EmbeddingModelState.NotLoaded);

    public EmbeddingModelHost(IOptions<EmbeddingOptions> options, IOptions<DocRagOptions> docRag, ILogger<EmbeddingModelHost> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(docRag);
        _options = options.Value;
        _modelsDirectory = docRag.Value.ModelsPath;
        _logger = logger;
    }

    /// <summary>Where the model stands (not loaded yet, loading, ready, unavailable or failed, with the reason).</summary>
    public EmbeddingModelStatus Status => Volatile.Read(ref _status);

    /// <summary>The embedder, loading it on the first call; null when there is none (see <see cref="Status"/>).</summary>
    public async Task<IEmbeddingGenerator<string, Embedding<float>>?> GetAsync(CancellationToken cancellationToken = default)
    {
        Task<IEmbeddingGenerator<string, Embedding<float>>?> loading;
        lock (_gate)
        {
            if (_options.Endpoint.IsConfigured && _loading is { IsCompletedSuccessfully: true, Result: null } && DateTimeOffset.UtcNow >= _retryRemoteAt)
            {
                _loading = null; // a remote server that failed is asked again, at most every RemoteRetryDelay
            }

            loading = _loading ??= _options.Endpoint.IsConfigured
                ? LoadRemoteAsync()
                : Task.Run<IEmbeddingGenerator<string, Embedding<float>>?>(Load, CancellationToken.None);
        }

        // Cancelling stops this wait, not the shared load, which others may be waiting on too.
        return await loading.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        Task<IEmbeddingGenerator<string, Embedding<float>>?>? loading;
        lock (_gate)
        {
            loading = _loading;
        }

        if (loading is { IsCompletedSuccessfully: true, Result: { } generator })
        {
            generator.Dispose();
        }
    }

    private OnnxEmbeddingGenerator? Load()
    {
        var location = EmbeddingModelLocator.Locate(_options, _modelsDirectory);
        if (!location.Found)
        {
            Log.EmbeddingModelUnavailable(_logger, location.Reason);
            SetStatus(new EmbeddingModelStatus(EmbeddingModelState.Unavailable, location.Reason));
            return null;
        }

        SetStatus(new EmbeddingModelStatus(EmbeddingModelState.Loading, location.Reason, Directory: location.Directory));
        OnnxEnvironment.SetLogSink(ForwardOrtLog);
        try
        {
            var generator = OnnxEmbeddingGenerator.Load(location.Directory!, _options, _logger);
            SetStatus(new EmbeddingModelStatus(
                EmbeddingModelState.Ready, generator.CudaFallbackReason, generator.ModelId, generator.Dimensions, generator.Device, generator.Folder.Directory));
            return generator;
        }
        catch (Exception ex)
        {
            // A model that cannot be loaded leaves DocRag running keyword-only; the status and the log say why.
            Log.EmbeddingModelFailed(_logger, ex.Message);
            SetStatus(new EmbeddingModelStatus(EmbeddingModelState.Failed, ex.Message, Directory: location.Directory));
            return null;
        }
    }

    private void SetStatus(EmbeddingModelStatus status) => Volatile.Write(ref _status, status);

    private void ForwardOrtLog(OrtLoggingLevel level, string message) =>
        Log.OnnxRuntimeMessage(_logger, level switch
        {
            OrtLoggingLevel.ORT_LOGGING_LEVEL_VERBOSE => LogLevel.Trace,
            OrtLoggingLevel.ORT_LOGGING_LEVEL_INFO => LogLevel.Debug,
            OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING => LogLevel.Warning,
            _ => LogLevel.Error,
        }, message);
}
