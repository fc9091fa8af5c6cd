namespace DocRag.Core.Text;

/// <summary>How the parts of a <see cref="TextUnit"/> are analysed.</summary>
internal enum TextUnitKind
{
    /// <summary>One word of letters: stop word check and stemming.</summary>
    Word,

    /// <summary>
    /// Parts joined by hyphens, slashes or apostrophes ("t-cell", "and/or", "covid-19"): each part analysed as a word,
    /// except parts with digits, which are kept as written.
    /// </summary>
    Compound,

    /// <summary>A code, number or identifier ("7b", "3.5", "q4_k_m", "llama.cpp"): parts kept as written.</summary>
    Literal,

    /// <summary>A run of Chinese, Japanese or Korean characters, indexed as overlapping character bigrams.</summary>
    Cjk,
}
