namespace DocRag.Core.Answering;

/// <summary>Where an answer spent its time, in milliseconds.</summary>
/// <param name="RetrievalMs">The search for passages.</param>
/// <param name="FirstTokenMs">From the start to the first generated text; null when nothing was generated.</param>
/// <param name="GenerationMs">Generation (waiting for a slot included); 0 when the generator was not called.</param>
/// <param name="TotalMs">The whole answer.</param>
public sealed record AnswerTimings(double RetrievalMs, double? FirstTokenMs, double GenerationMs, double TotalMs);
