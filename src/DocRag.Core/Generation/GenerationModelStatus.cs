namespace DocRag.Core.Generation;

/// <summary>The generator's state, the model concerned, a one-line reason, and the model facts once it is ready.</summary>
public sealed record GenerationModelStatus(GenerationModelState State, string? ModelPath, string Reason, GenerationModelInfo? Info = null)
{
    public static GenerationModelStatus NotLoaded { get; } = new(GenerationModelState.NotLoaded, null, "the generator loads on first use");
}
