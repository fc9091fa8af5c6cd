using System.Security.Cryptography;
using DocRag.Core.Models;
using DocRag.TestSupport;

namespace DocRag.Core.Tests.Models;

/// <summary>A small catalog entry whose files are random bytes served by a <see cref="HuggingFaceTestServer"/>.</summary>
internal sealed class TestModel
{
    public const string Repository = "test-org/test-embedder";
    public const string Revision = "0123456789abcdef0123456789abcdef01234567";

    public TestModel(string name = "test-embedder", int graphBytes = 300_000, bool pinConfig = true)
    {
        var random = new Random(42);
        Graph = new byte[graphBytes];
        random.NextBytes(Graph);
        Tokenizer = "{\"model\":{\"type\":\"WordPiece\"}}"u8.ToArray();
        Config = "{\"hidden_size\":8}"u8.ToArray();
        Model = new CatalogModel(
            name,
            ModelRole.Embedding,
            "en",
            "MIT",
            Repository,
            Revision,
            [
                File("onnx/model.onnx", Graph),
                File("tokenizer.json", Tokenizer),
                pinConfig ? File("config.json", Config) : new CatalogFile("config.json", "config.json", null, null),
            ],
            Embedding: new EmbeddingModelInfo(8, "query: ", "passage: ", "mean", 128, true));
    }

    public byte[] Graph { get; }

    public byte[] Tokenizer { get; }

    public byte[] Config { get; }

    public CatalogModel Model { get; }

    public IEnumerable<(string Path, byte[] Content)> Files =>
        [("onnx/model.onnx", Graph), ("tokenizer.json", Tokenizer), ("config.json", Config)];

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Serves every file; <paramref name="graphOptions"/> applies to the ONNX graph only.</summary>
    public void ServeOn(HuggingFaceTestServer server, ServeOptions? graphOptions = null)
    {
        foreach (var (path, content) in Files)
        {
            server.Serve(Repository, Revision, path, content, path == "onnx/model.onnx" ? graphOptions : null);
        }
    }

    /// <summary>Writes the model's files into a models folder as a finished pull would.</summary>
    public void WriteInto(string modelsDirectory)
    {
        foreach (var (path, content) in Files)
        {
            var full = System.IO.Path.Combine(modelsDirectory, Model.Name, path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            System.IO.File.WriteAllBytes(full, content);
        }
    }

    private static CatalogFile File(string path, byte[] content) => new(path, path, content.Length, Sha256(content));
}
