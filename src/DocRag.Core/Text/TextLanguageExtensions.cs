namespace DocRag.Core.Text;

/// <summary>ISO 639-1 codes for <see cref="TextLanguage"/> ("en", "es", "other").</summary>
public static class TextLanguageExtensions
{
    public static string ToCode(this TextLanguage language) => language switch
    {
        TextLanguage.English => "en",
        TextLanguage.Spanish => "es",
        _ => "other",
    };

    public static TextLanguage ParseLanguageCode(string? code) => code?.Trim().ToUpperInvariant() switch
    {
        "EN" => TextLanguage.English,
        "ES" => TextLanguage.Spanish,
        _ => TextLanguage.Other,
    };
}
