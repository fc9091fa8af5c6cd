namespace DocRag.Bench;

/// <summary>One timed generation request: prompt tokens, generated tokens, wall time.</summary>
internal sealed record GenerationMeasurement(int PromptTokens, int OutputTokens, double Milliseconds)
{
    /// <summary>Prompt tokens per second (pp runs generate one token, so the prompt dominates).</summary>
    public double PromptRate => PromptTokens / (Milliseconds / 1000);

    /// <summary>Generated tokens per second (tg runs start from a short prompt).</summary>
    public double OutputRate => OutputTokens / (Milliseconds / 1000);
}
