using System.Buffers.Binary;
using System.Text;
using DocRag.Core.Models;
using DocRag.TestSupport;

namespace DocRag.Core.Tests.Models;

public sealed class ManifestResourceReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new("docrag-resources");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task CopyToAsync_ReturnsEachResourceExactly()
    {
        var first = Encoding.UTF8.GetBytes("first resource");
        var second = new byte[70_000];
        new Random(3).NextBytes(second);
        var path = Write(TestPackage.BuildAssembly("Two", [("Two.a", first), ("Two.b", second)]));

        using var reader = ManifestResourceReader.Open(path);

        Assert.Equal(["Two.a", "Two.b"], reader.Names);
        Assert.Equal(second.Length, reader.GetLength("Two.b"));
        Assert.Equal(first, await Read(reader, "Two.a"));
        Assert.Equal(second, await Read(reader, "Two.b"));
    }

    [Fact]
    public void GetLength_LengthPrefixPastTheResourcesDirectory_IsRefused()
    {
        var content = Encoding.UTF8.GetBytes("a resource whose length prefix lies");
        var image = TestPackage.BuildAssembly("Liar", [("Liar.r", content)]);
        var at = image.AsSpan().IndexOf(content) - 4;
        BinaryPrimitives.WriteInt32LittleEndian(image.AsSpan(at), 50_000_000);
        var path = Write(image);

        using var reader = ManifestResourceReader.Open(path);

        var error = Assert.Throws<InvalidDataException>(() => reader.GetLength("Liar.r"));
        Assert.Contains("past the end of the resources directory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetLength_UnknownResource_NamesTheOnesThere()
    {
        using var reader = ManifestResourceReader.Open(Write(TestPackage.BuildAssembly("One", [("One.x", [1, 2, 3])])));

        var error = Assert.Throws<InvalidDataException>(() => reader.GetLength("One.model.onnx"));

        Assert.Contains("One.x", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_NotAnAssembly_IsRefused()
    {
        var path = _dir.WriteText("plain.dll", "MZ but nothing else of a PE image");

        Assert.Throws<InvalidDataException>(() => ManifestResourceReader.Open(path));
    }

    private string Write(byte[] image)
    {
        var path = _dir.Combine($"a{Guid.NewGuid():N}.dll");
        File.WriteAllBytes(path, image);
        return path;
    }

    private static async Task<byte[]> Read(ManifestResourceReader reader, string name)
    {
        using var buffer = new MemoryStream();
        await reader.CopyToAsync(name, buffer);
        return buffer.ToArray();
    }
}
