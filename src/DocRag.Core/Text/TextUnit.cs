namespace DocRag.Core.Text;

/// <summary>
/// One token of text as the analyser sees it: its lower-case parts (not yet folded) in order. A multi-part unit is
/// matched as a phrase at query time, so "covid-19" finds "COVID 19" and "q4_k_m" finds exactly that.
/// <paramref name="IsName"/>: capitalised and not at the start of a sentence, so probably a name ("Tesla", "Madrid"),
/// which a query may share with documents in another language.
/// </summary>
internal readonly record struct TextUnit(TextUnitKind Kind, IReadOnlyList<string> Parts, bool IsName = false);
