using System.Security.Cryptography;
using DocRag.Core.Models;
using DocRag.TestSupport;

namespace DocRag.Cli.Tests.Commands;

/// <summary>A two-file catalog entry of random bytes, for the CLI's own end-to-end runs.</summary>
internal sealed class CliTestModel
{
    public const string Name = "test-embedder";
    private const string Repository = "test-org/test-embedder";
    private const string Revision = "89abcdef0123456789abcdef0123456789abcdef";

    public CliTestModel()
    {
        Graph = new byte[200_000];
        new Random(7).NextBytes(Graph);
        Tokenizer = "{\"model\":{\"type\":\"WordPiece\"}}"u8.ToArray();
        Model = new CatalogModel(
            Name, ModelRole.Embedding, "en", "MIT", Repository, Revision,
            [File("onnx/model.onnx", Graph), File("tokenizer.json", Tokenizer)],
            Embedding: new EmbeddingModelInfo(8, "", "", "mean", 128, true));
    }

    public byte[] Graph { get; }

    public byte[] Tokenizer { get; }

    public CatalogModel Model { get; }

    public void ServeOn(HuggingFaceTestServer server)
    {
        server.Serve(Repository, Revision, "onnx/model.onnx", Graph);
        server.Serve(Repository, Revision, "tokenizer.json", Tokenizer);
    }

    public void WriteInto(string modelsDirectory)
    {
        Write(modelsDirectory, "onnx/model.onnx", Graph);
        Write(modelsDirectory, "tokenizer.json", Tokenizer);
    }

    private static void Write(string modelsDirectory, string path, byte[] content)
    {
        var full = Path.Combine(modelsDirectory, Name, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllBytes(full, content);
    }

    private static CatalogFile File(string path, byte[] content) =>
        new(path, path, content.Length, Convert.ToHexStringLower(SHA256.HashData(content)));
}
