namespace DocRag.Core.Generation;

/// <summary>
/// The facts about the loaded generator that answering code needs (prompt budgets, UI, /health). From
/// <c>chatClient.GetService&lt;GenerationModelInfo&gt;()</c>.
/// </summary>
public sealed record GenerationModelInfo(
    string ModelId,
    string ModelPath,
    long FileSizeBytes,
    string Architecture,
    string Description,
    long Parameters,
    int TrainContextSize,
    int ContextSize,
    int VocabularySize,
    string ChatTemplate,
    bool ChatTemplateFromModel,
    string Device,
    int GpuLayers,
    int Threads,
    int ContextPoolSize);
