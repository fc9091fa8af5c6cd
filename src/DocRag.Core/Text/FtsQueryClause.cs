namespace DocRag.Core.Text;

/// <summary>
/// One word (or compound, code, CJK run) of a query: <paramref name="Text"/> as the user wrote it (lower case, folded)
/// and the index forms it may have been stored as (<paramref name="Variants"/>: the English stem, the Spanish stem
/// and the plain form, distinct; a variant with several terms is a phrase).
/// </summary>
public sealed record FtsQueryClause(string Text, IReadOnlyList<string> Variants);
