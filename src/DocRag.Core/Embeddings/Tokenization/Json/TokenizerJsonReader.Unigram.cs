using System.Text.Json;
using DocRag.Core.Embeddings.Tokenization.Models;

namespace DocRag.Core.Embeddings.Tokenization.Json;

internal static partial class TokenizerJsonReader
{
    private static UnigramModel ReadUnigram(JsonFields model)
    {
        var vocabulary = new List<(string, double)>();
        foreach (var entry in model.Array("vocab"))
        {
            var item = entry.Element;
            if (item.ValueKind != JsonValueKind.Array || item.GetArrayLength() != 2
                || item[0].ValueKind != JsonValueKind.String || item[1].ValueKind != JsonValueKind.Number)
            {
                throw model.Invalid($"'{entry.Path}' must be [piece, score]");
            }

            vocabulary.Add((item[0].GetString()!, item[1].GetDouble()));
        }

        if (vocabulary.Count == 0)
        {
            throw model.Invalid("'model.vocab' is empty");
        }

        var unknownId = model.OptionalInt("unk_id");
        if (unknownId is { } unk && (unk < 0 || unk >= vocabulary.Count))
        {
            throw model.Invalid($"'model.unk_id' {unk} is outside the {vocabulary.Count}-piece vocabulary");
        }

        return new UnigramModel(vocabulary, unknownId, model.BoolOr("byte_fallback", false));
    }
}
