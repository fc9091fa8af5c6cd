using DocRag.Core.Text;

namespace DocRag.Core.Embeddings.Tokenization;

/// <summary>
/// A tokenizer for sentence-embedding models (BERT WordPiece, SentencePiece Unigram), matching the Hugging Face
/// reference tokenizers id for id.
/// </summary>
public interface ITextTokenizer : ITokenCounter
{
    /// <summary>The id used to pad a batch to one length.</summary>
    int PadTokenId { get; }

    /// <summary>The longest input the tokenizer itself allows (<c>model_max_length</c>), or null when it does not say.</summary>
    int? ModelMaxLength { get; }

    /// <summary>
    /// Encodes one text with the model's special tokens ([CLS] ... [SEP] or &lt;s&gt; ... &lt;/s&gt;), truncated to
    /// <paramref name="maxTokens"/> in total; a truncated input keeps its final special token, as sentence-transformers does.
    /// </summary>
    EncodedText Encode(string text, int maxTokens);
}
