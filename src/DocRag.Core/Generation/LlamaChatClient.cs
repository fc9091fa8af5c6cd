using DocRag.Core.Text;
using DocRag.Native.Llama;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DocRag.Core.Generation;

/// <summary>
/// A local GGUF model behind <see cref="IChatClient"/>. The model is loaded once and shared; each request borrows a
/// context from a small pool (or waits in a bounded queue), so requests never share a KV cache. Load untrusted files
/// through <see cref="GenerationModelHost"/>, which validates and probes them first.
/// </summary>
public sealed partial class LlamaChatClient : IChatClient
{
    private readonly LlamaModel _model;
    private readonly GenerationOptions _options;
    private readonly LlamaContextPool _pool;
    private readonly ChatPromptFormatter _formatter;
    private readonly ChatClientMetadata _metadata;
    private readonly LlamaTokenCounter _tokenCounter;
    private readonly ILogger _logger;

    /// <summary>Takes ownership of <paramref name="model"/>.</summary>
    public LlamaChatClient(LlamaModel model, GenerationOptions options, ILogger<LlamaChatClient>? logger = null, int? gpuLayers = null, string device = "CPU")
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        _model = model;
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        var modelId = Path.GetFileNameWithoutExtension(model.Path);
        _formatter = new ChatPromptFormatter(model.ChatTemplate, options.FallbackChatTemplate, modelId, _logger);
        _tokenCounter = new LlamaTokenCounter(model.Vocabulary);
        _metadata = new ChatClientMetadata("llama.cpp", null, modelId);

        var train = model.TrainContextSize;
        var contextSize = options.ContextSize <= 0 ? train : Math.Min(options.ContextSize, train > 0 ? train : options.ContextSize);
        var threads = options.Threads > 0 ? options.Threads : Environment.ProcessorCount;
        var contextOptions = new LlamaContextOptions { ContextSize = contextSize, BatchSize = options.BatchSize, Threads = threads };
        _pool = new LlamaContextPool(() => model.CreateContext(contextOptions), options.ContextPoolSize, options.MaxQueue);

        // One context up front: it fixes the real context size, and a model that cannot make one fails here, not mid-request.
        using (var first = _pool.AcquireAsync().GetAwaiter().GetResult())
        {
            contextSize = first.Context.ContextSize;
        }

        Info = new GenerationModelInfo(
            modelId, model.Path, new FileInfo(model.Path).Length, model.Architecture, model.Description, model.ParameterCount,
            train, contextSize, model.Vocabulary.Count, _formatter.Name, _formatter.UsesModelTemplate, device,
            gpuLayers ?? 0, threads, options.ContextPoolSize);
    }

    public GenerationModelInfo Info { get; }

    /// <summary>Requests waiting for a context (the server compares it with <see cref="MaxQueue"/> to answer 429 early).</summary>
    public int QueueLength => _pool.Waiting;

    /// <summary>Requests generating right now.</summary>
    public int ActiveRequests => _pool.InUse;

    public int MaxQueue => _pool.MaxQueue;

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            updates.Add(update);
        }

        return ToResponse(updates);
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var prompt = _formatter.Format(messages, options?.Instructions);
        return GenerateAsync(prompt, parseSpecial: true, options, cancellationToken);
    }

    /// <summary>Raw completion: continues <paramref name="prompt"/> as is, without a chat template (BOS added as the model asks).</summary>
    public IAsyncEnumerable<ChatResponseUpdate> GetCompletionStreamingAsync(
        string prompt, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return GenerateAsync(prompt, parseSpecial: false, options, cancellationToken);
    }

    /// <summary>Formats <paramref name="messages"/> with the chat template in use (what the model will see).</summary>
    public string FormatPrompt(IEnumerable<ChatMessage> messages, string? instructions = null) => _formatter.Format(messages, instructions);

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        return serviceType == typeof(ITokenCounter) ? _tokenCounter
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType == typeof(GenerationModelInfo) ? Info
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        _pool.Dispose();
        _model.Dispose();
    }

    private ChatResponse ToResponse(List<ChatResponseUpdate> updates)
    {
        var last = updates.Count > 0 ? updates[^1] : null;
        var text = string.Concat(updates.Select(u => u.Text));
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text) { MessageId = last?.MessageId })
        {
            ResponseId = last?.ResponseId,
            ModelId = _metadata.DefaultModelId,
            CreatedAt = last?.CreatedAt,
            FinishReason = last?.FinishReason,
            Usage = updates.SelectMany(u => u.Contents).OfType<UsageContent>().LastOrDefault()?.Details,
        };
    }
}
