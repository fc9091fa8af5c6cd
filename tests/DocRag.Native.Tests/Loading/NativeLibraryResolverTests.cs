using DocRag.Native.Loading;

namespace DocRag.Native.Tests.Loading;

public sealed class NativeLibraryResolverTests
{
    [Theory]
    [InlineData(NativeLibraryNames.OnnxRuntime, "libonnxruntime.so.1")]
    [InlineData(NativeLibraryNames.Llama, "libllama.v0.5.0.so")]
    [InlineData(NativeLibraryNames.Ggml, "libggml.v0.5.0.so")]
    [InlineData(NativeLibraryNames.GgmlBase, "libggml-base.so")]
    public void FindLibrary_PinnedFileNextToBinaries_IsFound(string logicalName, string fileName)
    {
        var path = NativeLibraryResolver.FindLibrary(logicalName);

        Assert.NotNull(path);
        Assert.Equal(fileName, Path.GetFileName(path));
    }

    [Fact]
    public void FindLibrary_UnknownName_ReturnsNull()
    {
        Assert.Null(NativeLibraryResolver.FindLibrary("not-a-docrag-library"));
    }

    [Fact]
    public void DescribeMissing_NamesFileFoldersAndRemedy()
    {
        var message = NativeLibraryResolver.DescribeMissing(NativeLibraryNames.OnnxRuntime);

        Assert.Contains("libonnxruntime.so.1", message, StringComparison.Ordinal);
        Assert.Contains("scripts/setup.sh", message, StringComparison.Ordinal);
        Assert.Contains(NativeLibraryResolver.DirectoryVariable, message, StringComparison.Ordinal);
    }
}
