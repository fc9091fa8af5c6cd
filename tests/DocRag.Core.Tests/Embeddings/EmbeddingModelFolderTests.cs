using DocRag.Core.Embeddings;
using DocRag.TestSupport;

namespace DocRag.Core.Tests.Embeddings;

public sealed class EmbeddingModelFolderTests : IDisposable
{
    private readonly TempDirectory _dir = new("docrag-folder");

    [Fact]
    public void FindModelFile_OnnxSubfolder_PrefersFullPrecision()
    {
        _dir.WriteText("m/onnx/model_quantized.onnx", "x");
        _dir.WriteText("m/onnx/model_fp16.onnx", "x");
        _dir.WriteText("m/onnx/model_O4.onnx", "x");

        Assert.Equal(_dir.Combine("m", "onnx", "model_O4.onnx"), EmbeddingModelFolder.FindModelFile(_dir.Combine("m")));
    }

    [Fact]
    public void FindModelFile_RootModelOnnx_Wins()
    {
        _dir.WriteText("m/onnx/model.onnx", "x");
        _dir.WriteText("m/model.onnx", "x");

        Assert.Equal(_dir.Combine("m", "model.onnx"), EmbeddingModelFolder.FindModelFile(_dir.Combine("m")));
    }

    [Fact]
    public void FindModelFile_OnlyQuantized_TakesIt()
    {
        _dir.WriteText("m/onnx/model_qint8_avx512.onnx", "x");

        Assert.Equal(_dir.Combine("m", "onnx", "model_qint8_avx512.onnx"), EmbeddingModelFolder.FindModelFile(_dir.Combine("m")));
    }

    [Fact]
    public void Open_ReadsConfigs()
    {
        _dir.WriteText("multilingual-e5-small/onnx/model.onnx", "x");
        _dir.WriteText("multilingual-e5-small/tokenizer.json", "{}");
        _dir.WriteText("multilingual-e5-small/config.json", """{"model_type": "xlm-roberta", "max_position_embeddings": 514}""");
        _dir.WriteText("multilingual-e5-small/sentence_bert_config.json", """{"max_seq_length": 512}""");
        _dir.WriteText("multilingual-e5-small/1_Pooling/config.json", """{"pooling_mode_cls_token": true, "pooling_mode_mean_tokens": false}""");

        var folder = EmbeddingModelFolder.Open(_dir.Combine("multilingual-e5-small"));

        Assert.Equal("multilingual-e5-small", folder.Name);
        Assert.True(folder.IsE5);
        Assert.Equal(EmbeddingPooling.Cls, folder.Pooling);
        Assert.Equal(512, folder.SentenceBertMaxSequenceLength);
        Assert.Equal(514, folder.MaxPositionEmbeddings);
        Assert.Equal("xlm-roberta", folder.ModelType);
        Assert.EndsWith(Path.Combine("onnx", "model.onnx"), folder.ModelPath, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_NoPoolingConfig_DefaultsToMean()
    {
        _dir.WriteText("m/model.onnx", "x");
        _dir.WriteText("m/vocab.txt", "[PAD]\n");

        Assert.Equal(EmbeddingPooling.Mean, EmbeddingModelFolder.Open(_dir.Combine("m")).Pooling);
    }

    [Fact]
    public void Open_TwoPoolingModes_IsRejected()
    {
        _dir.WriteText("m/model.onnx", "x");
        _dir.WriteText("m/vocab.txt", "[PAD]\n");
        _dir.WriteText("m/1_Pooling/config.json", """{"pooling_mode_cls_token": true, "pooling_mode_mean_tokens": true}""");

        Assert.Throws<EmbeddingModelException>(() => EmbeddingModelFolder.Open(_dir.Combine("m")));
    }

    public void Dispose() => _dir.Dispose();
}
