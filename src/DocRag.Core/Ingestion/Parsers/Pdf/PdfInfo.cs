using System.Globalization;
using System.Text;

namespace DocRag.Core.Ingestion.Parsers.Pdf;

/// <summary>The facts <c>pdfinfo</c> reports that indexing needs.</summary>
internal sealed record PdfInfo(string? Title, int Pages, bool Encrypted, string EncryptionDetail)
{
    public static PdfInfo Parse(byte[] output)
    {
        string? title = null;
        var pages = 0;
        var encrypted = false;
        var detail = "";
        foreach (var line in Encoding.UTF8.GetString(output).Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var value = line[(colon + 1)..].Trim();
            switch (line[..colon])
            {
                case "Title":
                    title = value.Length > 0 ? value : null;
                    break;
                case "Pages":
                    _ = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out pages);
                    break;
                case "Encrypted":
                    encrypted = value.StartsWith("yes", StringComparison.Ordinal);
                    detail = value.StartsWith("yes (", StringComparison.Ordinal) ? value[5..].TrimEnd(')') : value;
                    break;
            }
        }

        return new PdfInfo(title, pages, encrypted, detail);
    }
}
