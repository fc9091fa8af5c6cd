namespace DocRag.Core.Generation;

/// <summary>Every context is busy and the wait queue is at its limit; the server answers 429.</summary>
public sealed class GenerationQueueFullException : Exception
{
    public GenerationQueueFullException()
    {
    }

    public GenerationQueueFullException(string message)
        : base(message)
    {
    }

    public GenerationQueueFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GenerationQueueFullException(int waiting, int maxQueue)
        : base($"The generator is busy: {waiting} requests are already waiting (DocRag:Generation:MaxQueue = {maxQueue}). Try again shortly.")
    {
        Waiting = waiting;
        MaxQueue = maxQueue;
    }

    public int Waiting { get; }

    public int MaxQueue { get; }
}
