using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DocRag.Core.Evaluation;

/// <summary>
/// Writes an evaluation corpus as files, one per document, the way people keep notes and exported abstracts: a
/// <c>.txt</c> with the title on its first line and a blank line after it, or a <c>.md</c> with a <c># title</c> heading.
/// A document without a title is its text alone. File names come from the corpus ids (characters a file name cannot
/// hold are replaced, and a short hash keeps such names apart).
/// </summary>
internal static class CorpusFiles
{
    /// <summary>Writes every document under <paramref name="folder"/> and returns each file's full path with its corpus id.</summary>
    public static Dictionary<string, string> Write(IReadOnlyList<EvaluationDocument> documents, string folder, CorpusForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (form == CorpusForm.Direct)
        {
            throw new ArgumentException("the direct form writes no files", nameof(form));
        }

        Directory.CreateDirectory(folder);
        var extension = form == CorpusForm.Markdown ? ".md" : ".txt";
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        foreach (var document in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path.Combine(folder, FileName(document.Id) + extension);
            File.WriteAllText(path, Content(document, form), utf8);
            paths[path] = document.Id;
        }

        return paths;
    }

    /// <summary>The file's text: the title line (Markdown: as a heading), a blank line, the text with its own line ends.</summary>
    internal static string Content(EvaluationDocument document, CorpusForm form)
    {
        var text = document.Text.ReplaceLineEndings("\n").Trim();
        if (string.IsNullOrWhiteSpace(document.Title))
        {
            return text + "\n";
        }

        var title = string.Join(' ', document.Title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return (form == CorpusForm.Markdown ? "# " + title : title) + "\n\n" + text + "\n";
    }

    /// <summary>The corpus id as a file name: itself when it is plain (letters, digits, '.', '-', '_'), else a cleaned form with a hash.</summary>
    internal static string FileName(string id)
    {
        var clean = new StringBuilder(Math.Min(id.Length, 80));
        foreach (var c in id.Take(80))
        {
            clean.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        var plain = clean.Length == id.Length && clean.ToString() == id && !id.StartsWith('.');
        return plain
            ? id
            : string.Create(CultureInfo.InvariantCulture, $"{clean.ToString().TrimStart('.')}~{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..10]}");
    }
}
