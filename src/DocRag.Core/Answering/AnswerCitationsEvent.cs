namespace DocRag.Core.Answering;

/// <summary>The passages the finished text cites, in order of first use.</summary>
public sealed record AnswerCitationsEvent(IReadOnlyList<AnswerCitation> Citations) : AnswerEvent;
