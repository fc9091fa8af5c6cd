namespace DocRag.Core.Answering;

/// <summary>
/// One step of a streamed answer, in this order: <see cref="AnswerTokenEvent"/>s (the text as it is written), one
/// <see cref="AnswerCitationsEvent"/>, then one <see cref="AnswerDoneEvent"/> with the whole answer.
/// </summary>
public abstract record AnswerEvent;
