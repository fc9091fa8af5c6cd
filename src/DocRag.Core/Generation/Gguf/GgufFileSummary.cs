namespace DocRag.Core.Generation.Gguf;

/// <summary>What the header of a structurally sound GGUF file says.</summary>
public sealed record GgufFileSummary(
    int Version,
    long TensorCount,
    long MetadataCount,
    string Architecture,
    string? Name,
    bool HasChatTemplate,
    long DataOffset,
    long DataBytes,
    long FileLength);
