using DocRag.Core.Models;

namespace DocRag.Core.Tests.Models;

public sealed class HuggingFaceUrlTests
{
    [Fact]
    public void Resolve_BuildsTheHubsResolveUrlAndEscapesSegments()
    {
        var url = HuggingFaceUrl.Resolve(new Uri("http://127.0.0.1:5000/mirror/"), "org/repo", new string('a', 40), "sub dir/model #1.onnx");

        Assert.Equal($"http://127.0.0.1:5000/mirror/org/repo/resolve/{new string('a', 40)}/sub%20dir/model%20%231.onnx", url.AbsoluteUri);
    }

    [Fact]
    public void Resolve_UsesAFilesOwnRepositoryAndRevisionWhenItHasThem()
    {
        var model = ModelCatalog.Default.Find("all-minilm-l6-v2")!;
        var pooling = model.Files.Single(f => f.LocalPath == "1_Pooling/config.json");

        var url = HuggingFaceUrl.Resolve(new Uri("https://huggingface.co"), model, pooling);

        Assert.Equal(
            "https://huggingface.co/sentence-transformers/all-MiniLM-L6-v2/resolve/1110a243fdf4706b3f48f1d95db1a4f5529b4d41/1_Pooling/config.json",
            url.AbsoluteUri);
    }
}
