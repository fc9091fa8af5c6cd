using System.Text.RegularExpressions;

namespace DocRag.Core.Embeddings.Tokenization.Normalization;

/// <summary>Replaces every match of a literal string or a regular expression.</summary>
internal sealed class ReplaceNormalizer : ITextNormalizer
{
    private readonly string? _literal;
    private readonly Regex? _regex;
    private readonly string _content;

    private ReplaceNormalizer(string? literal, Regex? regex, string content)
    {
        _literal = literal;
        _regex = regex;
        // A replacement is literal text in tokenizers: escape '$' so .NET does not read it as a group reference.
        _content = regex is null ? content : content.Replace("$", "$$", StringComparison.Ordinal);
    }

    public static ReplaceNormalizer ForString(string pattern, string content) => new(pattern, null, content);

    public static ReplaceNormalizer ForRegex(string pattern, string content) =>
        new(null, new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), content);

    public string Normalize(string text, ref bool leadingAligned)
    {
        if (_regex is not null)
        {
            if (_content.Length == 0 && _regex.Match(text) is { Success: true, Index: 0, Length: > 0 })
            {
                leadingAligned = false;
            }

            return _regex.Replace(text, _content);
        }

        if (_content.Length == 0 && _literal!.Length > 0 && text.StartsWith(_literal, StringComparison.Ordinal))
        {
            leadingAligned = false;
        }

        return _literal!.Length == 0 ? text : text.Replace(_literal, _content, StringComparison.Ordinal);
    }
}
