namespace DocRag.Core.Text;

/// <summary>Guesses whether a text is English, Spanish or something else from its most common function words.</summary>
public static class LanguageDetector
{
    private static readonly HashSet<string> English = new(StringComparer.Ordinal)
    {
        "the", "and", "of", "to", "in", "is", "that", "it", "for", "with", "as", "was", "on", "are", "this", "be", "by", "or", "from", "which",
    };

    private static readonly HashSet<string> Spanish = new(StringComparer.Ordinal)
    {
        "el", "la", "de", "que", "y", "en", "los", "las", "del", "se", "por", "un", "una", "con", "para", "es", "al", "lo", "como", "mas",
    };

    /// <summary>The language of <paramref name="text"/>; <see cref="TextLanguage.Other"/> when neither list dominates.</summary>
    public static TextLanguage Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int en = 0, es = 0, words = 0;
        foreach (var word in SearchText.Words(text.Length > 20_000 ? text[..20_000] : text))
        {
            words++;
            if (English.Contains(word))
            {
                en++;
            }

            if (Spanish.Contains(word))
            {
                es++;
            }
        }

        if (words < 3)
        {
            return TextLanguage.Other;
        }

        var threshold = Math.Max(1, words / 20);
        if (en >= threshold && en > es * 1.5)
        {
            return TextLanguage.English;
        }

        return es >= threshold && es > en * 1.5 ? TextLanguage.Spanish : TextLanguage.Other;
    }
}
