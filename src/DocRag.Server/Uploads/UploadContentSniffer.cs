namespace DocRag.Server.Uploads;

/// <summary>
/// Checks that a file's first bytes fit the type its extension claims, so a renamed binary is refused (415) instead
/// of being indexed as garbage: PDFs start with <c>%PDF-</c>, Office files are zip packages (or OLE containers, which
/// hold encrypted packages), and text formats are not a known binary format.
/// </summary>
public static class UploadContentSniffer
{
    /// <summary>How many leading bytes <see cref="Check"/> looks at.</summary>
    public const int HeadLength = 1024;

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    // Only signatures no text starts with; other binaries are caught by their NUL bytes.
    private static readonly (string Name, byte[] Magic)[] Binary =
    [
        ("PDF", Pdf), ("zip", Zip), ("OLE (legacy Office)", Ole), ("ELF executable", [0x7F, 0x45, 0x4C, 0x46]),
        ("PNG image", [0x89, 0x50, 0x4E, 0x47]), ("JPEG image", [0xFF, 0xD8, 0xFF]), ("gzip", [0x1F, 0x8B]),
        ("7-Zip", [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]), ("SQLite database", "SQLite format 3\0"u8.ToArray()),
        ("WebAssembly", [0x00, 0x61, 0x73, 0x6D]),
    ];

    /// <summary>Null when <paramref name="head"/> fits <paramref name="documentType"/> (<c>pdf</c>, <c>docx</c>, <c>md</c>...); else why not.</summary>
    public static string? Check(string documentType, ReadOnlySpan<byte> head)
    {
        ArgumentNullException.ThrowIfNull(documentType);
        if (head.IsEmpty)
        {
            return null; // empty files are indexed as "empty"
        }

        switch (documentType)
        {
            case "pdf":
                return head.IndexOf(Pdf) >= 0 ? null : "it does not start like a PDF (no %PDF- header)";
            case "docx":
                return head.StartsWith(Zip) || head.StartsWith(Ole) ? null : "it is not a Word (Open XML) package";
            default:
                foreach (var (name, magic) in Binary)
                {
                    if (head.StartsWith(magic))
                    {
                        return $"its content is {name}, not text";
                    }
                }

                return LooksBinary(head) ? "its content is binary, not text" : null;
        }
    }

    // NUL bytes in text only come from UTF-16, where they all sit at even or all at odd offsets (ASCII-range text).
    private static bool LooksBinary(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return false;
        }

        int even = 0, odd = 0;
        for (var i = 0; i < head.Length; i++)
        {
            if (head[i] == 0)
            {
                if (i % 2 == 0)
                {
                    even++;
                }
                else
                {
                    odd++;
                }
            }
        }

        return even > 0 && odd > 0;
    }
}
