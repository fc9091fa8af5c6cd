namespace DocRag.Core.Retrieval;

/// <summary>How hybrid search combines its keyword and vector lists.</summary>
public enum FusionMethod
{
    /// <summary>Each list's scores min-max normalised over its candidates, then a weighted sum (a missing side counts 0).</summary>
    Score = 0,

    /// <summary>Reciprocal Rank Fusion: ranks only, weight / (k + rank) summed over the lists.</summary>
    Rrf = 1,
}
