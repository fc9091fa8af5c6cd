namespace DocRag.Core.Generation.Probe;

/// <summary>What the child-process probe learned about a model file that loaded and decoded one step.</summary>
public sealed record ModelProbeFacts(
    string Architecture,
    string? Name,
    string Description,
    long Parameters,
    long TensorBytes,
    string FileType,
    int TrainContextSize,
    int Layers,
    int VocabularySize,
    string VocabularyType,
    string? ChatTemplate);
