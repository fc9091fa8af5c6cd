using DocRag.Core.Generation.Probe;
using DocRag.Core.Hosting;
using DocRag.Native.Llama;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Generation;

/// <summary>
/// The one generator of the process, shared by server and CLI: resolves the configured (or first found) GGUF, validates
/// its header, probes it in a child process unless it passed before, loads it once, and reports its status. A model
/// that cannot be used leaves the generator off with a reason; the process carries on (extractive answers).
/// </summary>
public sealed partial class GenerationModelHost : IDisposable
{
    private readonly GenerationOptions _options;
    private readonly DocRagOptions _paths;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly ModelProbeRunner _probe;
    private readonly ModelProbeCache _probeCache;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private LlamaChatClient? _client;
    private ModelFileStamp? _failed;
    private GenerationModelStatus _status = GenerationModelStatus.NotLoaded;
    private bool _disposed;

    public GenerationModelHost(
        IOptions<GenerationOptions> options, IOptions<DocRagOptions> paths, ILoggerFactory loggerFactory, ModelProbeRunner? probe = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _options = options.Value;
        _paths = paths.Value;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<GenerationModelHost>();
        _probe = probe ?? new ModelProbeRunner();
        _probeCache = new ModelProbeCache(Path.Combine(_paths.DataPath, "cache", "model-probes.json"));
    }

    public GenerationModelStatus Status => Volatile.Read(ref _status);

    /// <summary>
    /// True when <see cref="GetAsync"/> would load a local model file (not loaded yet, generation on, no remote
    /// endpoint, a file found): what a host warms up at start, marking itself not ready meanwhile.
    /// </summary>
    public bool HasModelToLoad =>
        Volatile.Read(ref _client) is null && !_options.IsDisabled && !_options.Endpoint.IsConfigured && ResolveModelPath(out _) is not null;

    /// <summary>
    /// The generator, loading it on first call; null when generation is off, no model exists, or it failed (see
    /// <see cref="Status"/>). With <c>DocRag:Generation:Endpoint:Url</c> set it is the remote server's client.
    /// </summary>
    public async Task<IChatClient?> GetAsync(CancellationToken cancellationToken = default) =>
        _options.Endpoint.IsConfigured ? GetRemote() : await TryGetClientAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Like <see cref="GetAsync"/> but throws <see cref="GenerationModelException"/> with the reason instead of returning null.</summary>
    public async Task<LlamaChatClient> GetRequiredAsync(CancellationToken cancellationToken = default) =>
        await TryGetClientAsync(cancellationToken).ConfigureAwait(false)
        ?? throw new GenerationModelException(Status.ModelPath ?? string.Empty, Status.Reason);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _remote?.Dispose();
        _client?.Dispose();
        _client = null;
        _gate.Dispose();
    }

    private async Task<LlamaChatClient?> TryGetClientAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Volatile.Read(ref _client) is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _client ?? await LoadOnceAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<LlamaChatClient?> LoadOnceAsync(CancellationToken cancellationToken)
    {
        if (_options.IsDisabled)
        {
            return Set(GenerationModelState.Disabled, null, "generation is off (DocRag:Generation:Model = none)", () => Log.GenerationDisabled(_logger));
        }

        var path = ResolveModelPath(out var missing);
        if (path is null)
        {
            var state = string.IsNullOrWhiteSpace(_options.Model) ? GenerationModelState.NotFound : GenerationModelState.Failed;
            return Set(state, null, missing!, () => Log.GenerationModelMissing(_logger, missing!));
        }

        var stamp = ModelFileStamp.Of(path);
        if (_failed == stamp)
        {
            return null; // the same file failed already; a replaced file (new size or time) is tried again
        }

        Volatile.Write(ref _status, new GenerationModelStatus(GenerationModelState.Loading, path, "loading"));
        try
        {
            var client = await LoadAsync(path, stamp, cancellationToken).ConfigureAwait(false);
            _failed = null;
            Volatile.Write(ref _client, client);
            Volatile.Write(ref _status, new GenerationModelStatus(GenerationModelState.Ready, path, "ready", client.Info));
            return client;
        }
        catch (OperationCanceledException)
        {
            Volatile.Write(ref _status, GenerationModelStatus.NotLoaded);
            throw;
        }
        catch (Exception ex) when (ex is GenerationModelException or LlamaException or DllNotFoundException or EntryPointNotFoundException or LLama.Exceptions.RuntimeError)
        {
            _failed = stamp;
            var reason = ex is GenerationModelException ? ex.Message : $"'{Path.GetFileName(path)}': {ex.Message}";
            return Set(GenerationModelState.Failed, path, reason, () => Log.GenerationModelFailed(_logger, reason));
        }
    }

    private LlamaChatClient? Set(GenerationModelState state, string? path, string reason, Action log)
    {
        var previous = Status;
        if (previous.State != state || previous.Reason != reason)
        {
            log(); // once per change, not on every request
        }

        Volatile.Write(ref _status, new GenerationModelStatus(state, path, reason));
        return null;
    }
}
