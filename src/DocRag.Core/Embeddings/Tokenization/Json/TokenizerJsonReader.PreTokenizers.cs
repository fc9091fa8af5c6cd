using DocRag.Core.Embeddings.Tokenization.PreTokenization;

namespace DocRag.Core.Embeddings.Tokenization.Json;

internal static partial class TokenizerJsonReader
{
    private const string SupportedPreTokenizers = "BertPreTokenizer, Whitespace, WhitespaceSplit, Metaspace, Sequence";

    private static IPreTokenizer ReadPreTokenizer(JsonFields preTokenizer)
    {
        var type = preTokenizer.Type();
        return type switch
        {
            "BertPreTokenizer" => new BertPreTokenizer(),
            "Whitespace" => new WhitespacePreTokenizer(),
            "WhitespaceSplit" => new WhitespaceSplitPreTokenizer(),
            "Metaspace" => ReadMetaspace(preTokenizer),
            "Sequence" => new SequencePreTokenizer(preTokenizer.Array("pretokenizers").Select(ReadPreTokenizer).ToList()),
            _ => throw preTokenizer.Unsupported("pre-tokenizer", type, SupportedPreTokenizers),
        };
    }

    private static MetaspacePreTokenizer ReadMetaspace(JsonFields metaspace)
    {
        var replacement = metaspace.StringOr("replacement", "\u2581");
        if (replacement.Length != 1)
        {
            throw metaspace.Invalid($"'{metaspace.Path}.replacement' must be one character");
        }

        // Older files say add_prefix_space instead of prepend_scheme; false means never.
        var scheme = metaspace.OptionalString("prepend_scheme") switch
        {
            null => metaspace.BoolOr("add_prefix_space", true) ? PrependScheme.Always : PrependScheme.Never,
            "always" => PrependScheme.Always,
            "first" => PrependScheme.First,
            "never" => PrependScheme.Never,
            var other => throw metaspace.Invalid($"'{metaspace.Path}.prepend_scheme' is '{other}'; expected always, first or never"),
        };
        if (metaspace.OptionalBool("add_prefix_space") == false)
        {
            scheme = PrependScheme.Never;
        }

        return new MetaspacePreTokenizer(replacement[0], scheme, metaspace.BoolOr("split", true));
    }
}
