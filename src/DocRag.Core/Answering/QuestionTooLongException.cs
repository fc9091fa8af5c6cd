namespace DocRag.Core.Answering;

/// <summary>The question (with the instructions) does not fit the generator's context; the server answers 400.</summary>
public sealed class QuestionTooLongException : Exception
{
    public QuestionTooLongException()
    {
    }

    public QuestionTooLongException(string message)
        : base(message)
    {
    }

    public QuestionTooLongException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public QuestionTooLongException(int questionTokens, int budgetTokens)
        : base($"The question is too long for the generator: it needs {questionTokens} tokens with the instructions, but the prompt may use {budgetTokens}. Ask a shorter question.")
    {
        QuestionTokens = questionTokens;
        BudgetTokens = budgetTokens;
    }

    public int QuestionTokens { get; }

    public int BudgetTokens { get; }
}
