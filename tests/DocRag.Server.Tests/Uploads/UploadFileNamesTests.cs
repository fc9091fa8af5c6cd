using System.Text;
using DocRag.Server.Uploads;

namespace DocRag.Server.Tests.Uploads;

public sealed class UploadFileNamesTests
{
    [Theory]
    [InlineData("../../etc/passwd.txt", "passwd.txt")]
    [InlineData("..\\..\\Windows\\win.ini.txt", "win.ini.txt")]
    [InlineData("/srv/docs/report.md", "report.md")]
    [InlineData("C:\\Users\\ana\\Informe.pdf", "Informe.pdf")]
    [InlineData("docs/../../../x.md", "x.md")]
    public void Sanitize_PathParts_OnlyTheLastSegmentIsKept(string sent, string stored)
    {
        Assert.Equal(stored, UploadFileNames.Sanitize(sent));
    }

    [Theory]
    [InlineData("a\u0000b\u0007c.md", "abc.md")]
    [InlineData("invoice\u202Egpj.exe.md", "invoicegpj.exe.md")]
    [InlineData("line\nbreak\r.txt", "linebreak.txt")]
    [InlineData("zero\u200Bwidth.md", "zerowidth.md")]
    [InlineData("non\uFFFEcharacter.md", "noncharacter.md")] // string.Normalize throws on U+FFFE
    public void Sanitize_ControlAndFormatCharacters_Removed(string sent, string stored)
    {
        Assert.Equal(stored, UploadFileNames.Sanitize(sent));
    }

    [Fact]
    public void Sanitize_LoneSurrogate_BecomesUnderscoreWithoutThrowing() =>
        Assert.Equal("lone_surrogate.md", UploadFileNames.Sanitize("lone\uD800surrogate.md")); // a Fact: theory data cannot carry one

    [Fact]
    public void Sanitize_CharactersWindowsForbids_BecomeUnderscores()
    {
        Assert.Equal("a_b_c_d_e_f_g.md", UploadFileNames.Sanitize("a<b>c:d\"e|f?g.md"));
        Assert.Equal("star_.md", UploadFileNames.Sanitize("star*.md"));
    }

    [Theory]
    [InlineData(".hidden.md", "hidden.md")]
    [InlineData("report.md. .", "report.md")]
    [InlineData("  spaced   name .txt ", "spaced name .txt")]
    public void Sanitize_EdgeDotsAndSpaces_Trimmed(string sent, string stored)
    {
        Assert.Equal(stored, UploadFileNames.Sanitize(sent));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("..")]
    [InlineData("...")]
    [InlineData("/")]
    [InlineData("dir/")]
    [InlineData("\u0000\u0001")]
    [InlineData("draft.md.tmp")]
    [InlineData("download.pdf.part")]
    public void Sanitize_NothingUsable_Null(string? sent)
    {
        Assert.Null(UploadFileNames.Sanitize(sent));
    }

    [Theory]
    [InlineData("CON.txt", "_CON.txt")]
    [InlineData("nul.md", "_nul.md")]
    [InlineData("Lpt1", "_Lpt1")]
    [InlineData("~$report.docx", "_~$report.docx")]
    [InlineData("#autosave.md#", "_#autosave.md#")]
    public void Sanitize_ReservedOrIgnoredNames_Prefixed(string sent, string stored)
    {
        Assert.Equal(stored, UploadFileNames.Sanitize(sent));
    }

    [Fact]
    public void Sanitize_UnicodeLetters_KeptAsNfc()
    {
        Assert.Equal("Informe años 2024 – résumé 日本語.pdf", UploadFileNames.Sanitize("Informe años 2024 – résumé 日本語.pdf"));
        Assert.Equal("r\u00E9sum\u00E9.md", UploadFileNames.Sanitize("re\u0301sume\u0301.md"));
    }

    [Fact]
    public void Sanitize_Overlong_TruncatedToByteLimitKeepingExtensionAndWholeLetters()
    {
        var name = UploadFileNames.Sanitize(string.Concat(Enumerable.Repeat("e\u0301", 300)) + "😀.pdf")!;

        Assert.True(Encoding.UTF8.GetByteCount(name) <= UploadFileNames.MaxBytes);
        Assert.EndsWith(".pdf", name, StringComparison.Ordinal);
        Assert.All(name[..^4], c => Assert.Equal('\u00E9', c));
    }

    [Theory]
    [InlineData("team", true)]
    [InlineData("Equipo-ñ_1.0", true)]
    [InlineData("../x", false)]
    [InlineData(".hidden", false)]
    [InlineData("two words", false)]
    [InlineData("CON", false)]
    [InlineData("a/b", false)]
    [InlineData("", false)]
    public void IsSafeCollectionName_OnlyNamesThatNeedNoChange(string name, bool safe)
    {
        Assert.Equal(safe, UploadFileNames.IsSafeCollectionName(name));
        Assert.False(UploadFileNames.IsSafeCollectionName(new string('a', UploadFileNames.MaxCollectionNameLength + 1)));
    }
}
