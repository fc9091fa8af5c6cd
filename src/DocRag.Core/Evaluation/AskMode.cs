namespace DocRag.Core.Evaluation;

/// <summary>Whether an evaluation also asks every question through the answer service, and how.</summary>
public enum AskMode
{
    /// <summary>Search only.</summary>
    Off = 0,

    /// <summary>Extractive answers (quoted sentences, no generator): fast and deterministic.</summary>
    Extractive = 1,

    /// <summary>Answers written by the configured generator model.</summary>
    Generative = 2,
}
