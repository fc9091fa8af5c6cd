namespace DocRag.Core.Generation;

/// <summary>
/// A generator model cannot be used: missing, damaged, not a GGUF, an architecture llama.cpp does not support, or it
/// crashed the probe. The message is one line a user can act on.
/// </summary>
public sealed class GenerationModelException : Exception
{
    public GenerationModelException()
    {
    }

    public GenerationModelException(string message)
        : base(message)
    {
    }

    public GenerationModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GenerationModelException(string modelPath, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ModelPath = modelPath;
    }

    /// <summary>The model file concerned, when known.</summary>
    public string? ModelPath { get; }
}
