namespace DocRag.Server.Endpoints.OpenAi;

/// <summary>OpenAI's error object: <c>message</c> (the problem's detail), <c>type</c>, <c>code</c> (DocRag's code) and <c>param</c> (the field).</summary>
public sealed record OpenAiError(string Message, string Type, string? Code, string? Param);
