using System.IO.Compression;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text;
using DocRag.Core.Models;

namespace DocRag.Core.Tests.Models;

/// <summary>
/// A real NuGet package built here: a tiny .NET assembly (no code, only manifest resources, written with
/// System.Reflection.Metadata the way a compiler writes them) zipped as a .nupkg, and the catalog entry that pins it.
/// </summary>
internal sealed class TestPackage
{
    public const string Id = "Test.Embedder";
    public const string Version = "1.2.3";
    public const string AssemblyPath = "lib/netstandard2.1/Test.Embedder.dll";

    /// <param name="graph">The model.onnx resource (random bytes when null).</param>
    /// <param name="vocab">The vocab.txt resource (a five-word CRLF vocabulary when null).</param>
    public TestPackage(string name = "test-nuget-embedder", byte[]? graph = null, byte[]? vocab = null)
    {
        if (graph is null)
        {
            graph = new byte[200_000];
            new Random(7).NextBytes(graph);
        }

        Graph = graph;
        Vocab = vocab ?? Encoding.UTF8.GetBytes("[PAD]\r\n[UNK]\r\n[CLS]\r\n[SEP]\r\nhello\r\n");
        Assembly = BuildAssembly("Test.Embedder", [("Test.Embedder.Resources.model.onnx", Graph), ("Test.Embedder.Resources.vocab.txt", Vocab)]);
        Nupkg = Zip(Assembly);
        Sha512 = Convert.ToBase64String(SHA512.HashData(Nupkg));
        Model = Catalog(name, Sha512);
    }

    public byte[] Graph { get; }

    public byte[] Vocab { get; }

    public byte[] Assembly { get; }

    public byte[] Nupkg { get; }

    public string Sha512 { get; }

    public CatalogModel Model { get; }

    public CatalogModel Catalog(string name, string sha512, string? graphSha256 = null) => new(
        name,
        ModelRole.Embedding,
        "en",
        "MIT",
        "nuget:" + Id,
        Version,
        [
            new CatalogFile("Test.Embedder.Resources.model.onnx", "model.onnx", Graph.Length, graphSha256 ?? TestModel.Sha256(Graph)),
            new CatalogFile("Test.Embedder.Resources.vocab.txt", "vocab.txt", Vocab.Length, TestModel.Sha256(Vocab)),
        ],
        Embedding: new EmbeddingModelInfo(8, "Represent this: ", "", "cls", 64, true, ["en"]),
        Package: new NuGetPackage(Id, Version, sha512, AssemblyPath));

    /// <summary>An assembly with only a module, its &lt;Module&gt; type and the given embedded resources.</summary>
    public static byte[] BuildAssembly(string name, IReadOnlyList<(string Name, byte[] Content)> resources)
    {
        var metadata = new MetadataBuilder();
        metadata.AddModule(0, metadata.GetOrAddString(name + ".dll"), metadata.GetOrAddGuid(new Guid("6f1b3c1e-8a51-4d25-9d1c-0a5b6c7d8e9f")), default, default);
        metadata.AddAssembly(metadata.GetOrAddString(name), new Version(1, 0, 0, 0), default, default, default, AssemblyHashAlgorithm.Sha1);
        metadata.AddTypeDefinition(
            default, default, metadata.GetOrAddString("<Module>"), default, MetadataTokens.FieldDefinitionHandle(1), MetadataTokens.MethodDefinitionHandle(1));
        var blob = new BlobBuilder();
        foreach (var (resource, content) in resources)
        {
            metadata.AddManifestResource(ManifestResourceAttributes.Public, metadata.GetOrAddString(resource), default, (uint)blob.Count);
            blob.WriteInt32(content.Length);
            blob.WriteBytes(content);
            blob.Align(8);
        }

        var pe = new ManagedPEBuilder(PEHeaderBuilder.CreateLibraryHeader(), new MetadataRootBuilder(metadata), new BlobBuilder(), managedResources: blob);
        var image = new BlobBuilder();
        pe.Serialize(image);
        return image.ToArray();
    }

    /// <summary>A .nupkg (zip) holding the assembly and a nuspec.</summary>
    public static byte[] Zip(byte[] assembly, string assemblyPath = AssemblyPath)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var nuspec = new StreamWriter(zip.CreateEntry("Test.Embedder.nuspec").Open()))
            {
                nuspec.Write($"<?xml version=\"1.0\"?><package><metadata><id>{Id}</id><version>{Version}</version></metadata></package>");
            }

            using var dll = zip.CreateEntry(assemblyPath).Open();
            dll.Write(assembly);
        }

        return buffer.ToArray();
    }
}
