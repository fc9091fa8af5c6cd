namespace DocRag.Core.Retrieval;

/// <summary>The names of <see cref="SearchMode"/> in the API, the CLI and configuration: <c>keyword</c>, <c>vector</c>, <c>hybrid</c>.</summary>
public static class SearchModes
{
    public static IReadOnlyList<string> Codes { get; } = ["keyword", "vector", "hybrid"];

    public static string ToCode(SearchMode mode) => mode switch
    {
        SearchMode.Keyword => "keyword",
        SearchMode.Vector => "vector",
        SearchMode.Hybrid => "hybrid",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    /// <summary>Reads a mode name (any case, surrounding spaces ignored); false for anything else.</summary>
    public static bool TryParse(string? code, out SearchMode mode)
    {
        switch (code?.Trim().ToUpperInvariant())
        {
            case "KEYWORD":
                mode = SearchMode.Keyword;
                return true;
            case "VECTOR":
                mode = SearchMode.Vector;
                return true;
            case "HYBRID":
                mode = SearchMode.Hybrid;
                return true;
            default:
                mode = default;
                return false;
        }
    }
}
