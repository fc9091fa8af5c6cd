using System.Text.RegularExpressions;
using DocRag.Core.Models;
using DocRag.TestSupport;

namespace DocRag.Core.Tests.Models;

public sealed partial class ModelCatalogTests
{
    private static readonly Uri Hub = new("https://huggingface.co");

    [Fact]
    public void Default_HasTheRecommendedModels()
    {
        var models = ModelCatalog.Default.Models;

        Assert.Equal(
            ["multilingual-e5-small", "all-minilm-l6-v2", "all-minilm-l6-v2-nuget", "arctic-embed-xs", "qwen2.5-0.5b-instruct-q4_k_m", "qwen2.5-1.5b-instruct-q4_k_m",
                "llama-3.2-1b-instruct-q4_k_m"],
            models.Select(m => m.Name));
        Assert.Equal(4, models.Count(m => m.Role == ModelRole.Embedding));
        Assert.Equal(3, models.Count(m => m.Role == ModelRole.Generator));
    }

    [Fact]
    public void Default_NamesAreUniqueFolderSafeAndFoundCaseInsensitively()
    {
        var names = ModelCatalog.Default.Models.Select(m => m.Name).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(names, n => Assert.Matches(FolderName(), n));
        Assert.Same(ModelCatalog.Default.Models[1], ModelCatalog.Default.Find("All-MiniLM-L6-v2"));
        Assert.Null(ModelCatalog.Default.Find("gpt-5"));
    }

    [Fact]
    public void Default_EveryFileUrlIsPinnedToACommit()
    {
        foreach (var model in ModelCatalog.Default.Models.Where(m => m.Package is null))
        {
            Assert.Matches(Commit(), model.Revision);
            foreach (var file in model.Files)
            {
                var url = HuggingFaceUrl.Resolve(Hub, model, file).AbsoluteUri;
                Assert.Matches(PinnedUrl(), url);
                Assert.EndsWith("/" + file.RepoPath, url, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Default_NuGetModelsArePinnedToAPackageVersionAndItsSha512()
    {
        var nuget = ModelCatalog.Default.Models.Where(m => m.Package is not null).ToList();

        Assert.Equal(["all-minilm-l6-v2-nuget", "arctic-embed-xs"], nuget.Select(m => m.Name));
        foreach (var model in nuget)
        {
            var package = model.Package!;
            Assert.Matches("^[0-9]+(\\.[0-9]+){2,3}$", package.Version);
            Assert.Equal(64, Convert.FromBase64String(package.Sha512).Length);
            Assert.Equal(model.Revision, package.Version);
            var assembly = Path.GetFileNameWithoutExtension(package.Assembly);
            Assert.All(model.Files, f => Assert.Equal($"{assembly}.Resources.{f.LocalPath}", f.RepoPath));
            Assert.All(model.Files, f => Assert.True(f.IsPinned));
            Assert.Equal(["en"], model.Embedding!.Languages);
        }

        Assert.Equal("Represent this sentence for searching relevant passages: ", ModelCatalog.Default.Find("arctic-embed-xs")!.Embedding!.QueryPrefix);
        Assert.Equal("cls", ModelCatalog.Default.Find("arctic-embed-xs")!.Embedding!.Pooling);
    }

    [Fact]
    public void Default_HashesAreSha256HexOrExplicitlyUnpinned()
    {
        var unpinned = new List<string>();
        foreach (var model in ModelCatalog.Default.Models)
        {
            foreach (var file in model.Files)
            {
                if (file.IsPinned)
                {
                    Assert.Matches(Sha256(), file.Sha256!);
                    Assert.True(file.Size > 0, $"{model.Name}/{file.LocalPath} is pinned without a size");
                }
                else
                {
                    Assert.Null(file.Size);
                    unpinned.Add($"{model.Name}/{file.LocalPath}");
                }
            }
        }

        // The one file whose exact bytes could not be confirmed (see BuiltInModels.Embedding.cs).
        Assert.Equal(["multilingual-e5-small/config.json"], unpinned);
    }

    [Fact]
    public void Default_ModelsCarryWhatTheirLoadersNeed()
    {
        foreach (var model in ModelCatalog.Default.Models)
        {
            var paths = model.Files.Select(f => f.LocalPath).ToList();
            Assert.Equal(paths.Count, paths.Distinct(StringComparer.Ordinal).Count());
            if (model.Role == ModelRole.Embedding)
            {
                Assert.NotNull(model.Embedding);
                Assert.Null(model.Generator);
                Assert.NotNull(model.Embedding.Languages);
                if (model.Package is not null)
                {
                    Assert.Equal(["model.onnx", "vocab.txt"], paths);
                    continue;
                }

                Assert.Equal("onnx/model.onnx", model.PrimaryFile.LocalPath);
                Assert.Subset(paths.ToHashSet(), new HashSet<string>
                {
                    "onnx/model.onnx", "tokenizer.json", "config.json", "tokenizer_config.json", "special_tokens_map.json",
                    "1_Pooling/config.json", "sentence_bert_config.json",
                });
            }
            else
            {
                Assert.NotNull(model.Generator);
                Assert.Null(model.Embedding);
                var gguf = Assert.Single(model.Files);
                Assert.EndsWith(".gguf", gguf.LocalPath, StringComparison.Ordinal);
                Assert.DoesNotContain('/', gguf.LocalPath);
            }
        }

        Assert.Equal("query: ", ModelCatalog.Default.Find("multilingual-e5-small")!.Embedding!.QueryPrefix);
        Assert.Equal("passage: ", ModelCatalog.Default.Find("multilingual-e5-small")!.Embedding!.PassagePrefix);
    }

    [SharedModelsFact]
    public async Task Default_MiniLmTokenizerHashesMatchTheSharedCopy()
    {
        // The shared folder holds the same Xenova files, obtained independently: their bytes must hash to the catalog's.
        var model = ModelCatalog.Default.Find("all-minilm-l6-v2")!;
        foreach (var name in new[] { "tokenizer.json", "vocab.txt", "config.json", "tokenizer_config.json", "special_tokens_map.json" })
        {
            var bytes = await File.ReadAllBytesAsync(TestEnvironment.ModelFile("all-MiniLM-L6-v2-tokenizer", name));
            var file = model.Files.Single(f => f.LocalPath == name);
            Assert.Equal(file.Size, bytes.Length);
            Assert.Equal(file.Sha256, TestModel.Sha256(bytes));
        }
    }

    [Fact]
    public void Constructor_RejectsTheSameNameTwice()
    {
        var model = new TestModel().Model;

        var error = Assert.Throws<ArgumentException>(() => new ModelCatalog([model, model with { Revision = new string('a', 40) }]));

        Assert.Contains("test-embedder", error.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex FolderName();

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex Commit();

    [GeneratedRegex("^https://huggingface\\.co/[^/]+/[^/]+/resolve/[0-9a-f]{40}/.+$")]
    private static partial Regex PinnedUrl();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256();
}
