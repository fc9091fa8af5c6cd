using System.Text;
using DocRag.Server.Uploads;

namespace DocRag.Server.Tests.Uploads;

public sealed class UploadContentSnifferTests
{
    [Fact]
    public void Check_PdfHeader_AcceptedOtherwiseRefused()
    {
        Assert.Null(UploadContentSniffer.Check("pdf", "%PDF-1.7\n%âãÏÓ"u8));
        Assert.Null(UploadContentSniffer.Check("pdf", "\r\n%PDF-1.4"u8));
        Assert.Contains("PDF", UploadContentSniffer.Check("pdf", "just some text"u8), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Docx_ZipOrOleAcceptedTextRefused()
    {
        Assert.Null(UploadContentSniffer.Check("docx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]));
        Assert.Null(UploadContentSniffer.Check("docx", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]));
        Assert.NotNull(UploadContentSniffer.Check("docx", "<html>not a package</html>"u8));
    }

    [Theory]
    [InlineData("md", new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01 })]
    [InlineData("txt", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 })]
    [InlineData("html", new byte[] { 0x50, 0x4B, 0x03, 0x04 })]
    [InlineData("txt", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A })]
    [InlineData("txt", new byte[] { 0x01, 0x00, 0x00, 0x02, 0x41, 0x00, 0x42 })]
    public void Check_TextTypeWithBinaryContent_Refused(string type, byte[] head)
    {
        Assert.NotNull(UploadContentSniffer.Check(type, head));
    }

    [Fact]
    public void Check_TextInAnyEncoding_Accepted()
    {
        Assert.Null(UploadContentSniffer.Check("md", "# Título\n\nTexto en español."u8));
        Assert.Null(UploadContentSniffer.Check("txt", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("hello")).ToArray()));
        Assert.Null(UploadContentSniffer.Check("txt", Encoding.Unicode.GetBytes("no BOM, still UTF-16")));
        Assert.Null(UploadContentSniffer.Check("csv", Encoding.Latin1.GetBytes("a;b\ncafé;1")));
        Assert.Null(UploadContentSniffer.Check("txt", []));
    }
}
