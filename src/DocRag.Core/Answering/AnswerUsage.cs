namespace DocRag.Core.Answering;

/// <summary>Tokens the generator read and wrote for an answer (zero for extractive answers).</summary>
public sealed record AnswerUsage(int PromptTokens, int OutputTokens)
{
    public static AnswerUsage None { get; } = new(0, 0);

    public int TotalTokens => PromptTokens + OutputTokens;
}
