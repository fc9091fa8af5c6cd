namespace DocRag.Server.Endpoints;

/// <summary>The data of a <c>token</c> event of <c>/v1/ask</c>: the next piece of the answer's text.</summary>
public sealed record AskTokenData(string Text);
