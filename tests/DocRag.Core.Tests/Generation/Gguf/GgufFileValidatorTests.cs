using DocRag.Core.Generation;
using DocRag.Core.Generation.Gguf;
using DocRag.Core.Tests.Generation.Gguf;
using DocRag.TestSupport;
using DocRag.TestSupport.Gguf;

namespace DocRag.Core.Tests.Generation.Gguf;

public sealed class GgufFileValidatorTests
{
    [Fact]
    public void Validate_GeneratedModel_SummarisesHeader()
    {
        using var dir = new TempDirectory();
        var path = TestLlamaModel.WriteTiny(dir.Path);

        var summary = GgufFileValidator.Validate(path);

        Assert.Equal(3, summary.Version);
        Assert.Equal("llama", summary.Architecture);
        Assert.Equal("docrag-test-llama", summary.Name);
        Assert.True(summary.HasChatTemplate);
        Assert.Equal(2 + (9 * LlamaModelShape.Tiny.Layers), summary.TensorCount);
        Assert.Equal(0, summary.DataOffset % 32);
        Assert.Equal(new FileInfo(path).Length, summary.FileLength);
        Assert.InRange(summary.FileLength - (summary.DataOffset + summary.DataBytes), 0, 31); // only the final padding
    }

    [Fact]
    public void Validate_EveryMetadataTypeAndCustomAlignment_Accepted()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("types.gguf");
        new GgufWriter { Alignment = 64 }
            .Add("general.architecture", "llama")
            .Add("u8", (byte)1).Add("i8", (sbyte)-1).Add("u16", (ushort)2).Add("i16", (short)-2)
            .Add("u32", 3u).Add("i32", -3).Add("u64", 4ul).Add("i64", -4L)
            .Add("f32", 1.5f).Add("f64", 2.5).Add("bool", true).Add("str", "ñ😀")
            .AddArray("arr.str", GgufValueType.String, ["a", "bc", ""])
            .AddArray("arr.f32", GgufValueType.Float32, [1f, 2f])
            .AddArray("arr.i64", GgufValueType.Int64, [1L, -2L])
            .AddArray("arr.bool", GgufValueType.Bool, [true, false])
            .AddTensor("t", [1f, 2f, 3f, 4f], 4)
            .AddTensor("u", new float[32], 8, 4)
            .Write(path);

        var summary = GgufFileValidator.Validate(path);

        Assert.Equal(18, summary.MetadataCount); // 17 added + general.alignment
        Assert.Equal(2, summary.TensorCount);
        Assert.Equal(0, summary.DataOffset % 64);
        Assert.Equal(64 + 128, summary.DataBytes); // second tensor starts at the next 64-byte boundary
    }

    [Fact]
    public void Validate_TruncatedDownload_SaysHowManyBytesAreMissing()
    {
        using var dir = new TempDirectory();
        var path = DamagedModels.Write(dir.Path, DamagedModels.Truncated);
        var whole = new FileInfo(dir.Combine("whole.gguf")).Length;

        var ex = Assert.Throws<GenerationModelException>(() => GgufFileValidator.Validate(path));

        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
        Assert.Contains("bytes missing", ex.Message, StringComparison.Ordinal);
        Assert.Equal(Path.GetFullPath(path), ex.ModelPath);
        var missing = whole - new FileInfo(path).Length;
        Assert.InRange(
            long.Parse(System.Text.RegularExpressions.Regex.Match(ex.Message, @"\((\d+) bytes missing").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            missing - 31, missing);
    }

    [Theory]
    [InlineData(DamagedModels.TruncatedHeader, "truncated")]
    [InlineData(DamagedModels.PlainText, "does not start with the GGUF magic")]
    [InlineData(DamagedModels.HtmlPage, "HTML")]
    [InlineData(DamagedModels.RandomBytes, "GGUF magic")]
    public void Validate_DamagedFile_ThrowsClearReason(string kind, string expected)
    {
        using var dir = new TempDirectory();
        var path = DamagedModels.Write(dir.Path, kind);

        var ex = Assert.Throws<GenerationModelException>(() => GgufFileValidator.Validate(path));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(path), ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Theory]
    [InlineData(1u, 2L, 2L, "GGUF version 1 is not supported")]
    [InlineData(3u, long.MaxValue, 0L, "claims 9223372036854775807 tensors")]
    [InlineData(3u, 0L, 1_000_000_000L, "claims 1000000000 metadata entries")]
    public void Validate_ImpossibleHeader_Throws(uint version, long tensors, long kvs, string expected)
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("header.gguf");
        using (var w = new BinaryWriter(File.Create(path)))
        {
            w.Write(DamagedModels.Ascii("GGUF"));
            w.Write(version);
            w.Write(tensors);
            w.Write(kvs);
            w.Write(new byte[1000]);
        }

        var ex = Assert.Throws<GenerationModelException>(() => GgufFileValidator.Validate(path));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownTensorType_Throws()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("type.gguf");
        new GgufWriter().Add("general.architecture", "llama")
            .AddTensor(new GgufTensor("odd", (GgufTensorType)77, [4], 16, s => s.Write(new byte[16])))
            .Write(path);

        var ex = Assert.Throws<GenerationModelException>(() => GgufFileValidator.Validate(path));

        Assert.Contains("tensor 'odd' has tensor type 77", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoArchitecture_Throws()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("noarch.gguf");
        new GgufWriter().Add("general.name", "x").AddTensor("t", [1f], 1).Write(path);

        var ex = Assert.Throws<GenerationModelException>(() => GgufFileValidator.Validate(path));

        Assert.Contains("general.architecture", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingFile_SaysNotFound()
    {
        var ex = Assert.Throws<GenerationModelException>(() => GgufFileValidator.Validate("/no/such/model.gguf"));

        Assert.Contains("not found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TensorTypeTable_MatchesGgml()
    {
        foreach (var type in GgufTensorTypes.Known)
        {
            Assert.True(GgufTensorTypes.TryGetLayout(type, out var name, out var block, out var bytes));
            Assert.Equal(name, ((GgmlType)type).ToString());
            if ((GgmlType)type <= GgmlTypes.Newest)
            {
                Assert.Equal(GgmlTypes.GetBlockLayout((GgmlType)type), (block, bytes));
            }
        }

        Assert.Equal(Enum.GetValues<GgmlType>().Where(t => t != GgmlType.Count).Select(t => (uint)t).Order(), GgufTensorTypes.Known.Order());
    }
}
