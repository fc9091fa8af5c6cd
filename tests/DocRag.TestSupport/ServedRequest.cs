namespace DocRag.TestSupport;

/// <summary>A request <see cref="HuggingFaceTestServer"/> answered.</summary>
/// <param name="Path">The request path.</param>
/// <param name="Range">The Range header, if any.</param>
/// <param name="StatusCode">The status it answered.</param>
public sealed record ServedRequest(string Path, string? Range, int StatusCode);
