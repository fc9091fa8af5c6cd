namespace DocRag.TestSupport.Onnx;

/// <summary>What <see cref="EmbeddingModelFolderWriter"/> puts in a sentence-transformers style model folder.</summary>
public sealed record EmbeddingFolderSpec
{
    public BertModelOptions Model { get; init; } = BertModelOptions.Tiny;

    /// <summary>A folder whose tokenizer files are copied; null writes a small generated WordPiece vocab.txt instead.</summary>
    public string? TokenizerDirectory { get; init; }

    /// <summary>"mean", "cls" or "max" in 1_Pooling/config.json; null leaves that file out.</summary>
    public string? Pooling { get; init; } = "mean";

    /// <summary>max_seq_length in sentence_bert_config.json; null leaves that file out.</summary>
    public int? MaxSequenceLength { get; init; } = 64;
}
