using System.Text;
using DocRag.Core.Embeddings.Tokenization.Normalization;

namespace DocRag.Core.Embeddings.Tokenization.Json;

internal static partial class TokenizerJsonReader
{
    private const string SupportedNormalizers =
        "BertNormalizer, Precompiled, Lowercase, NFC, NFD, NFKC, NFKD, StripAccents, Strip, Replace, Prepend, Sequence";

    private static ITextNormalizer ReadNormalizer(JsonFields normalizer)
    {
        var type = normalizer.Type();
        return type switch
        {
            "BertNormalizer" => new BertNormalizer(
                normalizer.BoolOr("clean_text", true),
                normalizer.BoolOr("handle_chinese_chars", true),
                normalizer.OptionalBool("strip_accents"),
                normalizer.BoolOr("lowercase", true)),
            "Precompiled" => ReadPrecompiled(normalizer),
            "Lowercase" => new LowercaseNormalizer(),
            "NFC" => new UnicodeFormNormalizer(NormalizationForm.FormC),
            "NFD" => new UnicodeFormNormalizer(NormalizationForm.FormD),
            "NFKC" => new UnicodeFormNormalizer(NormalizationForm.FormKC),
            "NFKD" => new UnicodeFormNormalizer(NormalizationForm.FormKD),
            "StripAccents" => new StripAccentsNormalizer(),
            "Strip" => new StripNormalizer(normalizer.BoolOr("strip_left", true), normalizer.BoolOr("strip_right", true)),
            "Prepend" => new PrependNormalizer(normalizer.String("prepend")),
            "Replace" => ReadReplace(normalizer),
            "Sequence" => new SequenceNormalizer(normalizer.Array("normalizers").Select(ReadNormalizer).ToList()),
            _ => throw normalizer.Unsupported("normalizer", type, SupportedNormalizers),
        };
    }

    // An absent or empty charsmap normalizes nothing (SentencePiece's "identity" rule).
    private static ITextNormalizer ReadPrecompiled(JsonFields precompiled)
    {
        var base64 = precompiled.OptionalString("precompiled_charsmap");
        if (string.IsNullOrEmpty(base64))
        {
            return new SequenceNormalizer([]);
        }

        try
        {
            return new PrecompiledNormalizer(PrecompiledCharsMap.Parse(Convert.FromBase64String(base64)));
        }
        catch (FormatException ex)
        {
            throw precompiled.Invalid($"'{precompiled.Path}.precompiled_charsmap' is not a SentencePiece charsmap ({ex.Message})");
        }
    }

    private static ReplaceNormalizer ReadReplace(JsonFields replace)
    {
        var pattern = replace.Object("pattern");
        var content = replace.String("content");
        if (pattern.OptionalString("String") is { } literal)
        {
            return ReplaceNormalizer.ForString(literal, content);
        }

        if (pattern.OptionalString("Regex") is { } regex)
        {
            try
            {
                return ReplaceNormalizer.ForRegex(regex, content);
            }
            catch (ArgumentException ex)
            {
                throw replace.Invalid($"'{pattern.Path}.Regex' is not a valid regular expression ({ex.Message})");
            }
        }

        throw replace.Invalid($"'{pattern.Path}' must have a String or a Regex");
    }
}
