namespace DocRag.Server.Problems;

/// <summary>One kind of error the API returns: a stable code (also the last segment of its type URI), status and title.</summary>
public sealed record ProblemType(string Code, int Status, string Title, string DefaultDetail)
{
    /// <summary>The RFC 9457 <c>type</c>: <c>https://docrag.dev/problems/CODE</c>, documented in docs/API.md.</summary>
    public string Uri => ProblemTypes.BaseUri + Code;
}
