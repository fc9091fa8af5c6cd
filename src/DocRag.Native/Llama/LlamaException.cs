namespace DocRag.Native.Llama;

/// <summary>A llama.cpp call failed; the message says which and, where llama.cpp logged one, why.</summary>
public sealed class LlamaException : Exception
{
    public LlamaException()
    {
    }

    public LlamaException(string message)
        : base(message)
    {
    }

    public LlamaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
