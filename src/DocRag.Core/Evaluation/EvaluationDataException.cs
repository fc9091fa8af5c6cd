namespace DocRag.Core.Evaluation;

/// <summary>An evaluation file is malformed (an <see cref="IOException"/>: its content cannot be read as the format it claims); the message names the file and, where it helps, the line.</summary>
public sealed class EvaluationDataException : IOException
{
    public EvaluationDataException()
    {
    }

    public EvaluationDataException(string message)
        : base(message)
    {
    }

    public EvaluationDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
