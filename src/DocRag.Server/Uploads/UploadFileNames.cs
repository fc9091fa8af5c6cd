using System.Globalization;
using System.Text;
using DocRag.Core.Ingestion.Sync;

namespace DocRag.Server.Uploads;

/// <summary>
/// Turns the file name a client sent into a safe name directly inside a collection folder: only the last path segment
/// (either separator), no control, format (bidi overrides) or unassigned characters, no characters Windows forbids, no
/// leading or trailing dots or spaces, no reserved device names, no names a sync would ignore as hidden or temporary,
/// at most <see cref="MaxBytes"/> UTF-8 bytes with the extension kept. Letters of every script are kept (NFC).
/// </summary>
public static class UploadFileNames
{
    /// <summary>The longest stored name in UTF-8 bytes (file systems allow 255; the temp file's prefix needs room).</summary>
    public const int MaxBytes = 200;

    /// <summary>The longest collection name an upload may create.</summary>
    public const int MaxCollectionNameLength = 64;

    private const int MaxExtensionChars = 16;
    private const string Forbidden = "<>:\"|?*/\\";

    private static readonly HashSet<string> ReservedNames = new(
        ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
         "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
         "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The safe name for <paramref name="fileName"/>, or null when nothing usable is left.</summary>
    public static string? Sanitize(string? fileName)
    {
        if (string.IsNullOrEmpty(fileName))
        {
            return null;
        }

        var cut = fileName.LastIndexOfAny(['/', '\\']);
        var name = Clean(cut >= 0 ? fileName[(cut + 1)..] : fileName).Trim(' ', '.');
        if (name.Length == 0)
        {
            return null;
        }

        if (IsReserved(name) || SyncIgnoreRules.IsIgnoredFile(name))
        {
            name = "_" + name;
        }

        name = Truncate(name);
        return SyncIgnoreRules.IsIgnoredFile(name) ? null : name;
    }

    /// <summary>Whether <paramref name="name"/> may name a new collection (and its folder under <c>DATA/uploads</c>) as it is.</summary>
    /// <remarks>Exactly the documented set: letters, digits, '-', '_' and '.', not starting with '.' (so no <c>%2e%2e</c>, no spaces).</remarks>
    public static bool IsSafeCollectionName(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= MaxCollectionNameLength && name[0] != '.'
        && name.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.')
        && string.Equals(Sanitize(name), name, StringComparison.Ordinal);

    private static string Clean(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned)
            {
                continue;
            }

            if (category == UnicodeCategory.SpaceSeparator)
            {
                if (builder.Length == 0 || builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else if (rune == Rune.ReplacementChar || (rune.IsAscii && Forbidden.Contains((char)rune.Value, StringComparison.Ordinal)))
            {
                builder.Append('_'); // an undecodable byte sequence or a character some file system forbids
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static bool IsReserved(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return ReservedNames.Contains((dot < 0 ? name : name[..dot]).TrimEnd(' '));
    }

    private static string Truncate(string name)
    {
        if (Encoding.UTF8.GetByteCount(name) <= MaxBytes)
        {
            return name;
        }

        var extension = Path.GetExtension(name);
        if (extension.Length > MaxExtensionChars)
        {
            extension = "";
        }

        // Whole text elements only, so no letter loses its accents and no surrogate pair is split.
        var stem = name[..^extension.Length];
        var budget = MaxBytes - Encoding.UTF8.GetByteCount(extension);
        var kept = new StringBuilder();
        var used = 0;
        var elements = StringInfo.GetTextElementEnumerator(stem);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var bytes = Encoding.UTF8.GetByteCount(element);
            if (used + bytes > budget)
            {
                break;
            }

            kept.Append(element);
            used += bytes;
        }

        return kept.ToString().TrimEnd(' ', '.') + extension;
    }
}
