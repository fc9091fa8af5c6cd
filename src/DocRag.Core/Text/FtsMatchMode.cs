namespace DocRag.Core.Text;

/// <summary>How the clauses of an <see cref="FtsQuery"/> combine in the MATCH expression.</summary>
public enum FtsMatchMode
{
    /// <summary>A row matches when any clause does (bm25 ranks rows that match more, and rarer, clauses higher).</summary>
    Any = 0,

    /// <summary>A row matches only when every clause does.</summary>
    All = 1,
}
