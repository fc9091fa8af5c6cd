namespace DocRag.Core.Answering;

/// <summary>Whether the passages found can answer the question, why not (naming the deciding signal), and the signals.</summary>
internal sealed record RelevanceVerdict(bool Relevant, string? Reason, RelevanceSignals Signals);
