namespace DocRag.Core.Answering;

/// <summary>The next piece of the answer's text. The pieces joined are the final <see cref="Answer.Text"/> (before trimming).</summary>
public sealed record AnswerTokenEvent(string Text) : AnswerEvent;
