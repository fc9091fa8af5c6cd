using DocRag.Core.Embeddings.Tokenization.Json;

namespace DocRag.Core.Embeddings.Tokenization;

/// <summary>
/// The SentencePiece Unigram tokenizer of XLM-RoBERTa-family models (multilingual-e5, paraphrase-multilingual-MiniLM)
/// read from tokenizer.json: Precompiled/Replace/NFKC normalizers, Metaspace, Viterbi over the scored pieces,
/// <c>&lt;s&gt; ... &lt;/s&gt;</c>; id for id the same as Hugging Face tokenizers. Load it with
/// <see cref="TokenizerLoader.Load"/> (which also reads tokenizer_config.json) or <see cref="FromTokenizerJson"/>.
/// </summary>
public sealed class UnigramTokenizer : ITextTokenizer
{
    private readonly TokenizerPipeline _pipeline;

    internal UnigramTokenizer(TokenizerPipeline pipeline, int padTokenId, int? modelMaxLength)
    {
        _pipeline = pipeline;
        PadTokenId = padTokenId;
        ModelMaxLength = modelMaxLength;
    }

    public int PadTokenId { get; }

    public int? ModelMaxLength { get; }

    public int VocabularySize => _pipeline.Model.VocabularySize;

    /// <summary>Reads a tokenizer.json whose model is Unigram (the pad id from its padding settings, else &lt;pad&gt;).</summary>
    public static UnigramTokenizer FromTokenizerJson(string path) =>
        TokenizerLoader.FromTokenizerJson(path, TokenizerConfig.Empty) as UnigramTokenizer
        ?? throw new InvalidDataException($"{path}: the model is not Unigram.");

    public int? TokenToId(string token) => _pipeline.TokenToId(token);

    public EncodedText Encode(string text, int maxTokens) => _pipeline.Encode(text, maxTokens);

    public int CountTokens(string text) => _pipeline.CountTokens(text);
}
