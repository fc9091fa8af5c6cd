using System.Text.RegularExpressions;
using DocRag.Core.Text;

namespace DocRag.Core.Evaluation;

/// <summary>Whether an answer's text contains an expected answer: word by word, case- and accent-insensitive, citation marks ignored.</summary>
internal static partial class AnswerText
{
    public static bool Contains(string answer, string expected)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(expected);
        var words = Normalize(expected);
        return words.Length > 2 && Normalize(CitationMarks().Replace(answer, " ")).Contains(words, StringComparison.Ordinal);
    }

    /// <summary>The folded words joined by single spaces, with a space at both ends so whole words match.</summary>
    private static string Normalize(string text) => " " + string.Join(' ', SearchText.Words(text)) + " ";

    [GeneratedRegex(@"\[\d+(?:\s*,\s*\d+)*\]")]
    private static partial Regex CitationMarks();
}
