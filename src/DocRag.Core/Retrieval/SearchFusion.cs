namespace DocRag.Core.Retrieval;

/// <summary>What hybrid search did with its two lists, so a caller can see why a hit ranks where it does.</summary>
/// <param name="Method">How the lists were combined: <c>score</c> or <c>rrf</c>; <c>keyword</c> or <c>vector</c> when one list ran alone.</param>
/// <param name="KeywordWeight">The keyword list's share of the fused score (0 to 1).</param>
/// <param name="VectorWeight">The vector list's share of the fused score (0 to 1); 0 when the vector side was left out.</param>
/// <param name="ModelLanguages">The embedding model's languages (ISO 639-1, or <c>*</c>); null when it does not say.</param>
/// <param name="QueryLanguage">The language the query reads as: <c>en</c>, <c>es</c>, or null when unsure.</param>
/// <param name="PassagesLeftOut">Vector hits whose passages are in a language the model was not trained for: their
/// similarity was not used (the keyword side still ranks them).</param>
/// <param name="Note">One line saying what was left out and why; null when both sides counted in full.</param>
public sealed record SearchFusion(
    string Method,
    double KeywordWeight,
    double VectorWeight,
    IReadOnlyList<string>? ModelLanguages,
    string? QueryLanguage,
    int PassagesLeftOut,
    string? Note);
