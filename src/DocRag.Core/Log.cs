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

    [LoggerMessage(700, LogLevel.Information, "Downloading {Url} to {Path}")]
    public static partial void ModelFileDownloading(ILogger logger, Uri url, string path);

    [LoggerMessage(701, LogLevel.Information, "Resuming {Path} at byte {Offset}")]
    public static partial void ModelFileResuming(ILogger logger, string path, long offset);

    [LoggerMessage(702, LogLevel.Warning, "The server ignored the range request for {Url}; restarting {Path} from byte 0")]
    public static partial void ModelRangeIgnored(ILogger logger, Uri url, string path);

    [LoggerMessage(703, LogLevel.Warning, "Download of {Url} failed ({Reason}); retry {Attempt} of {MaxRetries} in {Delay}")]
    public static partial void ModelDownloadRetrying(ILogger logger, Uri url, string reason, int attempt, int maxRetries, TimeSpan delay);

    [LoggerMessage(704, LogLevel.Information, "Downloaded {Path} ({Bytes} bytes, sha256 {Sha256})")]
    public static partial void ModelFileDownloaded(ILogger logger, string path, long bytes, string sha256);

    [LoggerMessage(705, LogLevel.Warning, "{Path} does not match its pinned size or hash; downloading it again")]
    public static partial void ModelFileStale(ILogger logger, string path);

    [LoggerMessage(706, LogLevel.Warning, "Deleted the partial download {Path}: {Reason}")]
    public static partial void ModelPartialDeleted(ILogger logger, string path, string reason);
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

    [LoggerMessage(105, LogLevel.Information, "Embedding model: remote OpenAI-compatible server {Url}, model {Model}, {Dimensions} dimensions")]
    public static partial void EmbeddingRemote(ILogger logger, string url, string model, int dimensions);

    // Ingestion 300-399
    [LoggerMessage(300, LogLevel.Warning, "A {DocumentType} parser failed unexpectedly; the file is recorded as damaged")]
    public static partial void ParserFailed(ILogger logger, string documentType, Exception exception);

    [LoggerMessage(301, LogLevel.Information, "Collection {Collection} synced: {Added} added, {Updated} updated, {Moved} moved, {Deleted} deleted, {Failed} failed, {Unchanged} unchanged in {Seconds:F1} s")]
    public static partial void SyncFinished(ILogger logger, string collection, int added, int updated, int moved, int deleted, int failed, int unchanged, double seconds);

    [LoggerMessage(302, LogLevel.Warning, "Not indexed: {Path}: {Code}: {Reason}")]
    public static partial void DocumentFailed(ILogger logger, string path, string code, string reason);

    [LoggerMessage(303, LogLevel.Information, "Embedding model is now {Model} ({Dimension} dimensions; was {Previous}, {PreviousDimension}): vectors will be rebuilt")]
    public static partial void EmbeddingModelSet(ILogger logger, string model, int dimension, string previous, int previousDimension);

    [LoggerMessage(304, LogLevel.Error, "The embedder failed on a batch of {Count} texts; those chunks stay keyword-only until the next sync")]
    public static partial void EmbeddingFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(305, LogLevel.Warning, "Sync of {Folder} failed")]
    public static partial void WatchSyncFailed(ILogger logger, string folder, Exception exception);

    [LoggerMessage(306, LogLevel.Information, "Watching {Folder} as collection {Collection}")]
    public static partial void Watching(ILogger logger, string folder, string collection);

    [LoggerMessage(307, LogLevel.Warning, "The watched folder {Folder} is gone (deleted or moved away); collection {Collection} keeps its documents and is watched again when the folder reappears")]
    public static partial void WatchedFolderGone(ILogger logger, string folder, string collection);

    [LoggerMessage(308, LogLevel.Information, "The watched folder {Folder} was replaced or reappeared; watching it again and syncing collection {Collection}")]
    public static partial void WatchedFolderReplaced(ILogger logger, string folder, string collection);

    [LoggerMessage(309, LogLevel.Warning, "Cannot watch {Folder} for changes ({Reason}); polling it every {Seconds} s instead. Raise fs.inotify.max_user_instances to get instant updates")]
    public static partial void WatchFallingBackToPolling(ILogger logger, string folder, string reason, int seconds);

    [LoggerMessage(310, LogLevel.Information, "Watching {Folder} for changes again (no longer polling)")]
    public static partial void WatchResumed(ILogger logger, string folder);

    // Generation 200-299
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

    [LoggerMessage(209, LogLevel.Information, "Generator: remote OpenAI-compatible server {Url}, model {Model}, context {ContextSize} tokens")]
    public static partial void GenerationRemote(ILogger logger, string url, string model, int contextSize);

    // Retrieval 500-599
    [LoggerMessage(500, LogLevel.Information, "Vector index loaded: {Count} vectors of {Model} ({Dimension} dimensions, {Megabytes:F1} MB) in {Milliseconds:F0} ms at index version {Version}")]
    public static partial void VectorIndexLoaded(ILogger logger, int count, string model, int dimension, double megabytes, double milliseconds, long version);

    [LoggerMessage(501, LogLevel.Debug, "Vector index updated to version {Version}: {Documents} documents refreshed, reconciled {Reconciled}, in {Milliseconds:F1} ms")]
    public static partial void VectorIndexUpdated(ILogger logger, long version, int documents, bool reconciled, double milliseconds);

    [LoggerMessage(502, LogLevel.Debug, "Search ran in keyword mode: {Reason}")]
    public static partial void SearchFellBackToKeyword(ILogger logger, string reason);

    [LoggerMessage(503, LogLevel.Warning, "The embedding model failed on a query; it was searched by keyword")]
    public static partial void QueryEmbeddingFailed(ILogger logger, Exception exception);

    [LoggerMessage(504, LogLevel.Error, "The search index could not be prepared at start; searches will try again")]
    public static partial void SearchWarmupFailed(ILogger logger, Exception exception);

    // Answering 600-699 (never the question or document text)
    [LoggerMessage(600, LogLevel.Debug, "Answer prompt: {Passages} of {Hits} relevant passages, {PromptTokens} prompt tokens of a {ContextSize}-token context, {HistoryMessages} earlier messages")]
    public static partial void AnswerPromptBuilt(ILogger logger, int passages, int hits, int promptTokens, int contextSize, int historyMessages);

    [LoggerMessage(601, LogLevel.Warning, "The generated answer cited passage(s) {Numbers} but only {Passages} were given; those citations were removed from the answer")]
    public static partial void InvalidCitationsRemoved(ILogger logger, string numbers, int passages);

    [LoggerMessage(602, LogLevel.Information, "No relevant passage among {Hits} search hits ({Reason}); answering that the documents do not contain the answer, without the generator")]
    public static partial void AnswerNoRelevantPassages(ILogger logger, int hits, string reason);

    [LoggerMessage(609, LogLevel.Information, "None of {Passages} passages can answer the question by the {Signal} signal ({Reason}); answering that the documents do not contain the answer, without the generator")]
    public static partial void AnswerNotRelevant(ILogger logger, int passages, string signal, string reason);

    [LoggerMessage(610, LogLevel.Warning, "The generated answer shares no key term with the {Citations} passage(s) it cites; it is flagged as unsupported")]
    public static partial void AnswerUnsupported(ILogger logger, int citations);

    [LoggerMessage(603, LogLevel.Debug, "Answered ({Mode}): {Citations} citations, noAnswer {NoAnswer}, {OutputTokens} tokens generated, {TotalMs} ms")]
    public static partial void AnswerFinished(ILogger logger, string mode, int citations, bool noAnswer, int outputTokens, double totalMs);

    // Evaluation 800-899
    [LoggerMessage(800, LogLevel.Information, "Evaluation set {Set}: {Documents} documents as {Chunks} chunks in the scratch index after {Seconds:F1} s (kept index reused: {Reused})")]
    public static partial void EvaluationIndexed(ILogger logger, string set, int documents, int chunks, double seconds, bool reused);

    [LoggerMessage(801, LogLevel.Warning, "Evaluation set {Set}: {Failed} corpus files failed to index; they are missing from the scratch index")]
    public static partial void EvaluationDocumentsFailed(ILogger logger, string set, int failed);
}
