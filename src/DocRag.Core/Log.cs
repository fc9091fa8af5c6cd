using Microsoft.Extensions.Logging;

namespace DocRag.Core;

/// <summary>
/// DocRag.Core's source-generated log messages. Event id ranges by feature: Hosting 1-99, Embeddings 100-199,
/// Generation 200-299, Ingestion 300-399, Storage 400-499, Retrieval 500-599, Answering 600-699, Models 700-799,
/// Evaluation 800-899.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "DocRag {Version} data folder {DataPath}")]
    public static partial void Starting(ILogger logger, string version, string dataPath);

    [LoggerMessage(100, LogLevel.Information, "Embedding model {ModelId} loaded from {Directory}: {Dimensions} dimensions, max {MaxTokens} tokens, on {Device} with {Threads} threads")]
    public static partial void EmbeddingModelLoaded(ILogger logger, string modelId, string directory, int dimensions, int maxTokens, string device, int threads);

    [LoggerMessage(101, LogLevel.Information, "Embeddings run on the CPU because CUDA cannot be used: {Reason}")]
    public static partial void EmbeddingCudaFallback(ILogger logger, string reason);

    [LoggerMessage(102, LogLevel.Information, "No embedding model: {Reason}")]
    public static partial void EmbeddingModelUnavailable(ILogger logger, string reason);

    [LoggerMessage(103, LogLevel.Error, "The embedding model could not be loaded: {Reason}")]
    public static partial void EmbeddingModelFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 104, Message = "ONNX Runtime: {Message}")]
    public static partial void OnnxRuntimeMessage(ILogger logger, LogLevel level, string message);
}
