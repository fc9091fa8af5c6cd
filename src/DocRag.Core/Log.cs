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

    [LoggerMessage(200, LogLevel.Information, "Generation is off (DocRag:Generation:Model = none): answers will be extractive")]
    public static partial void GenerationDisabled(ILogger logger);

    [LoggerMessage(201, LogLevel.Warning, "No generator model: {Reason}; answers will be extractive")]
    public static partial void GenerationModelMissing(ILogger logger, string reason);

    [LoggerMessage(202, LogLevel.Information, "Checking {ModelPath} in a child process before loading it")]
    public static partial void ModelProbeStarted(ILogger logger, string modelPath);

    [LoggerMessage(203, LogLevel.Debug, "{ModelPath} passed its probe before (same size and time); not probing again")]
    public static partial void ModelProbeCached(ILogger logger, string modelPath);

    [LoggerMessage(204, LogLevel.Information, "Generator {ModelId} loaded: {Description}, {Parameters} parameters, context {ContextSize} of {TrainContextSize}, {Device}, {GpuLayers} GPU layers, chat template {Template}, in {ElapsedMs} ms")]
    public static partial void GenerationModelLoaded(ILogger logger, string modelId, string description, long parameters, int contextSize, int trainContextSize, string device, int gpuLayers, string template, long elapsedMs);

    [LoggerMessage(205, LogLevel.Error, "Generator model cannot be used: {Reason}")]
    public static partial void GenerationModelFailed(ILogger logger, string reason);

    [LoggerMessage(206, LogLevel.Warning, "llama.cpp does not recognise the chat template in {ModelId}; using the built-in '{Fallback}' template")]
    public static partial void ChatTemplateFallback(ILogger logger, string modelId, string fallback);

    [LoggerMessage(207, LogLevel.Debug, "Generated {OutputTokens} tokens after {InputTokens} prompt tokens ({FinishReason}) in {ElapsedMs} ms")]
    public static partial void GenerationCompleted(ILogger logger, int outputTokens, int inputTokens, string finishReason, long elapsedMs);

    [LoggerMessage(EventId = 208, Message = "{Line}")]
    public static partial void LlamaLine(ILogger logger, LogLevel level, string line);
}
