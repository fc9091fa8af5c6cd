using DocRag.Core.Embeddings;
using DocRag.TestSupport;
using DocRag.TestSupport.Onnx;

namespace DocRag.Core.Tests.Retrieval;

/// <summary>
/// Two generated BERT-shaped ONNX embedding models (tiny, random weights, different seeds: two distinct model ids) for
/// the mechanics of vector and hybrid search. Their vectors mean nothing, but they are deterministic.
/// </summary>
public sealed class SearchModelFixture : IDisposable
{
    private readonly TempDirectory _dir = new("docrag-search-models");

    public SearchModelFixture()
    {
        var a = EmbeddingModelFolderWriter.Write(_dir.Combine("tiny-a"), new EmbeddingFolderSpec());
        var b = EmbeddingModelFolderWriter.Write(_dir.Combine("tiny-b"), new EmbeddingFolderSpec { Model = BertModelOptions.Tiny with { Seed = 7 } });
        var options = new EmbeddingOptions { ExecutionProvider = "cpu", IntraOpThreads = 1 };
        ModelA = OnnxEmbeddingGenerator.Load(a, options);
        ModelB = OnnxEmbeddingGenerator.Load(b, options);
    }

    public OnnxEmbeddingGenerator ModelA { get; }

    public OnnxEmbeddingGenerator ModelB { get; }

    public void Dispose()
    {
        ModelA.Dispose();
        ModelB.Dispose();
        _dir.Dispose();
    }
}
