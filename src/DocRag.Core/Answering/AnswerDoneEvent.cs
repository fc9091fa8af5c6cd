namespace DocRag.Core.Answering;

/// <summary>The last event: the complete answer (text, citations, no-answer, usage, timings).</summary>
public sealed record AnswerDoneEvent(Answer Answer) : AnswerEvent;
