namespace DocRag.Native.Llama;

/// <summary><c>enum llama_vocab_type</c>: the tokenizer family of a model.</summary>
public enum LlamaVocabType
{
    None = 0,
    SentencePiece = 1,
    BytePairEncoding = 2,
    WordPiece = 3,
    Unigram = 4,
    Rwkv = 5,
    Plamo2 = 6,
    Test = 7,
}
