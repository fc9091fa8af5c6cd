namespace DocRag.Core.Generation;

/// <summary>The prompt does not fit the context, with at least one token left to generate; says by how much.</summary>
public sealed class GenerationPromptTooLongException : Exception
{
    public GenerationPromptTooLongException()
    {
    }

    public GenerationPromptTooLongException(string message)
        : base(message)
    {
    }

    public GenerationPromptTooLongException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GenerationPromptTooLongException(int promptTokens, int contextSize)
        : base($"The prompt is {promptTokens} tokens but the context holds {contextSize} including at least one generated token: " +
               $"{promptTokens - contextSize + 1} tokens too many. Shorten the prompt or raise DocRag:Generation:ContextSize.")
    {
        PromptTokens = promptTokens;
        ContextSize = contextSize;
    }

    public int PromptTokens { get; }

    public int ContextSize { get; }

    /// <summary>How many tokens must go for the prompt to fit.</summary>
    public int ExcessTokens => PromptTokens - ContextSize + 1;
}
