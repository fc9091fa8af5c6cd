namespace DocRag.TestSupport;

/// <summary>How <see cref="HuggingFaceTestServer"/> misbehaves for one file.</summary>
/// <param name="DropAfterBytesOnFirstRequest">On the first request, send this many body bytes, then cut the connection.</param>
/// <param name="IgnoreRange">Answer every request with 200 and the whole file, as servers without range support do.</param>
/// <param name="RedirectToCdn">Answer the resolve URL with 302 to a second URL that serves the bytes, as the Hub does.</param>
/// <param name="StatusCode">Answer with this status and no body instead of the file.</param>
public sealed record ServeOptions(
    long? DropAfterBytesOnFirstRequest = null,
    bool IgnoreRange = false,
    bool RedirectToCdn = false,
    int? StatusCode = null);
