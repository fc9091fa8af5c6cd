namespace DocRag.Core.Embeddings.Tokenization;

/// <summary>
/// How a BERT WordPiece tokenizer built from a plain <c>vocab.txt</c> behaves: the settings of tokenizer_config.json
/// (<c>do_lower_case</c>, <c>strip_accents</c>, <c>tokenize_chinese_chars</c>, the special tokens, <c>model_max_length</c>).
/// The defaults are BERT's (uncased).
/// </summary>
public sealed record WordPieceTokenizerOptions
{
    public bool Lowercase { get; init; } = true;

    /// <summary>Strip accents; null follows <see cref="Lowercase"/>, as <c>strip_accents: null</c> does.</summary>
    public bool? StripAccents { get; init; }

    public bool HandleChineseChars { get; init; } = true;

    public bool CleanText { get; init; } = true;

    public string UnknownToken { get; init; } = "[UNK]";

    public string ClsToken { get; init; } = "[CLS]";

    public string SepToken { get; init; } = "[SEP]";

    public string PadToken { get; init; } = "[PAD]";

    public string MaskToken { get; init; } = "[MASK]";

    public string ContinuingSubwordPrefix { get; init; } = "##";

    /// <summary>A longer word becomes one unknown token.</summary>
    public int MaxInputCharsPerWord { get; init; } = 100;

    public int? ModelMaxLength { get; init; }
}
