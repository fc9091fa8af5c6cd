namespace DocRag.Server.Endpoints;

/// <summary>The body of <c>POST /v1/search</c>.</summary>
/// <param name="Query">What to search for (plain text: quotes, operators and field names are searched as words).</param>
/// <param name="TopK">How many hits, 1 to 100 (default 10).</param>
/// <param name="Collection">Only this collection (a scoped key may name only its own).</param>
/// <param name="Mode"><c>keyword</c>, <c>vector</c> or <c>hybrid</c>; default hybrid when an embedding model is loaded, else keyword.</param>
/// <param name="PathPrefix">Only documents whose absolute path starts with this.</param>
/// <param name="Type">Only this document type: <c>pdf</c>, <c>docx</c>, <c>md</c>, <c>html</c>, <c>txt</c>, or the bare extension.</param>
public sealed record SearchRequestBody(
    string? Query,
    int? TopK = null,
    string? Collection = null,
    string? Mode = null,
    string? PathPrefix = null,
    string? Type = null);
