namespace DocRag.Core.Models;

/// <summary>What a generator needs to know about a catalog chat model beyond its GGUF file.</summary>
/// <param name="ContextLength">The context the model was trained for, in tokens.</param>
/// <param name="ChatTemplate">The chat template family (<c>chatml</c>, <c>llama3</c>) used when the GGUF carries none.</param>
public sealed record GeneratorModelInfo(int ContextLength, string ChatTemplate);
