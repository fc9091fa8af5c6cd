using System.Text.Json;

namespace DocRag.Core.Embeddings.Tokenization.Json;

internal static partial class TokenizerJsonReader
{
    private const string SupportedPostProcessors = "TemplateProcessing, RobertaProcessing, BertProcessing, ByteLevel, Sequence";

    private static PostProcessor ReadPostProcessor(JsonFields post) => ReadPostProcessorOrNull(post) ?? PostProcessor.None;

    // Null for a step that adds no tokens (ByteLevel only trims offsets, which DocRag does not report).
    private static PostProcessor? ReadPostProcessorOrNull(JsonFields post)
    {
        var type = post.Type();
        switch (type)
        {
            case "TemplateProcessing":
                return ReadTemplate(post);
            case "RobertaProcessing":
            case "BertProcessing":
                return PostProcessor.Wrap(ReadTokenPair(post, "cls"), ReadTokenPair(post, "sep"));
            case "ByteLevel":
                return null;
            case "Sequence":
                var steps = post.Array("processors").Select(ReadPostProcessorOrNull).OfType<PostProcessor>().ToList();
                return steps.Count switch
                {
                    0 => null,
                    1 => steps[0],
                    _ => throw post.Unsupported("post-processor", "Sequence of several template steps", SupportedPostProcessors),
                };
            default:
                throw post.Unsupported("post-processor", type, SupportedPostProcessors);
        }
    }

    // Roberta and Bert processing store ["<s>", 0]: the token and its id.
    private static int ReadTokenPair(JsonFields post, string name)
    {
        var pair = post.Child(name, post.Element.TryGetProperty(name, out var value) ? value : default);
        if (pair.Element.ValueKind != JsonValueKind.Array || pair.Element.GetArrayLength() != 2
            || !pair.Element[1].TryGetInt32(out var id))
        {
            throw post.Invalid($"'{pair.Path}' must be [token, id]");
        }

        return id;
    }

    private static PostProcessor ReadTemplate(JsonFields post)
    {
        var specials = new Dictionary<string, int[]>(StringComparer.Ordinal);
        if (post.OptionalObject("special_tokens") is { } map)
        {
            foreach (var entry in map.Element.EnumerateObject())
            {
                var special = map.Child(entry.Name, entry.Value);
                specials[entry.Name] = special.Array("ids")
                    .Select(id => id.Element.TryGetInt32(out var value) ? value : throw post.Invalid($"'{id.Path}' must be an integer"))
                    .ToArray();
            }
        }

        List<int> prefixIds = [], prefixTypes = [], suffixIds = [], suffixTypes = [];
        int? sequenceType = null;
        foreach (var piece in post.Array("single"))
        {
            if (piece.OptionalObject("Sequence") is { } sequence)
            {
                if (sequenceType is not null)
                {
                    throw post.Invalid("the single template names the sequence twice");
                }

                sequenceType = sequence.IntOr("type_id", 0);
            }
            else if (piece.OptionalObject("SpecialToken") is { } token)
            {
                var name = token.String("id");
                var ids = specials.TryGetValue(name, out var found)
                    ? found
                    : throw post.Invalid($"the template uses '{name}', which is not in post_processor.special_tokens");
                var typeId = token.IntOr("type_id", 0);
                (sequenceType is null ? prefixIds : suffixIds).AddRange(ids);
                (sequenceType is null ? prefixTypes : suffixTypes).AddRange(Enumerable.Repeat(typeId, ids.Length));
            }
            else
            {
                throw post.Invalid($"'{piece.Path}' must be a Sequence or a SpecialToken");
            }
        }

        return new PostProcessor([.. prefixIds], [.. prefixTypes], [.. suffixIds], [.. suffixTypes],
            sequenceType ?? throw post.Invalid("the single template has no $A sequence"));
    }
}
