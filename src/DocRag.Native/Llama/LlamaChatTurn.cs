namespace DocRag.Native.Llama;

/// <summary>One message for <see cref="LlamaChatTemplate"/>: a role ("system", "user", "assistant") and its text.</summary>
public sealed record LlamaChatTurn(string Role, string Content);
