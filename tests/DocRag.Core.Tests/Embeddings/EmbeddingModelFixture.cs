using DocRag.Core.Embeddings;
using DocRag.TestSupport;
using DocRag.TestSupport.Onnx;

namespace DocRag.Core.Tests.Embeddings;

/// <summary>Generated model folders (tiny BERT shape, random weights) shared by a test class.</summary>
public sealed class EmbeddingModelFixture : IDisposable
{
    private readonly TempDirectory _dir = new("docrag-embed");

    public EmbeddingModelFixture()
    {
        MeanFolder = EmbeddingModelFolderWriter.Write(_dir.Combine("tiny-mean"), new EmbeddingFolderSpec());
        ClsFolder = EmbeddingModelFolderWriter.Write(_dir.Combine("tiny-cls"), new EmbeddingFolderSpec { Pooling = "cls" });
        MaxFolder = EmbeddingModelFolderWriter.Write(_dir.Combine("tiny-max"), new EmbeddingFolderSpec { Pooling = "max" });
        PooledFolder = EmbeddingModelFolderWriter.Write(
            _dir.Combine("tiny-pooled"), new EmbeddingFolderSpec { Model = BertModelOptions.Tiny with { SentenceEmbeddingDimension = 24 } });
        NoTypesFolder = EmbeddingModelFolderWriter.Write(
            _dir.Combine("tiny-notypes"), new EmbeddingFolderSpec { Model = BertModelOptions.Tiny with { IncludeTokenTypeIds = false } });
        E5Folder = EmbeddingModelFolderWriter.Write(_dir.Combine("tiny-e5-small"), new EmbeddingFolderSpec());
    }

    public string MeanFolder { get; }

    public string ClsFolder { get; }

    public string MaxFolder { get; }

    public string PooledFolder { get; }

    public string NoTypesFolder { get; }

    public string E5Folder { get; }

    public TempDirectory Directory => _dir;

    internal static OnnxEmbeddingGenerator Load(string folder, FakeTokenizer? tokenizer = null, EmbeddingOptions? options = null) =>
        OnnxEmbeddingGenerator.Load(
            folder,
            options ?? new EmbeddingOptions { ExecutionProvider = "cpu", IntraOpThreads = 1 },
            _ => tokenizer ?? new FakeTokenizer(),
            logger: null);

    public void Dispose() => _dir.Dispose();
}
