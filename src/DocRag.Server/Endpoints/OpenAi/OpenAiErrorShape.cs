namespace DocRag.Server.Endpoints.OpenAi;

/// <summary>
/// Endpoint metadata: problems from this endpoint also carry OpenAI's <c>error</c> object
/// (<c>{message, type, code, param}</c>), which OpenAI client libraries read.
/// </summary>
public sealed class OpenAiErrorShape;
