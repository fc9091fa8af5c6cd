using DocRag.Core.Text;

namespace DocRag.Core.Answering;

/// <summary>
/// Recognises the generator saying that the documents do not contain the answer: the fixed sentence the instructions
/// ask for, in English or Spanish, matched on its words (case, accents, punctuation and "don't" ignored), with the
/// close variants small models write ("the passages do not contain the answer").
/// </summary>
internal static class NoAnswerDetector
{
    private static readonly string[][] Phrases =
    [
        .. new[]
        {
            "documents do not contain the answer",
            "documents don't contain the answer",
            "passages do not contain the answer",
            "passages don't contain the answer",
            "documentos no contienen la respuesta",
            "pasajes no contienen la respuesta",
        }.Select(p => SearchText.Words(p).ToArray()),
    ];

    public static bool SaysNoAnswer(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = SearchText.Words(text).ToArray();
        return Phrases.Any(phrase => Contains(words, phrase));
    }

    private static bool Contains(string[] words, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= words.Length; i++)
        {
            if (words.AsSpan(i, phrase.Length).SequenceEqual(phrase))
            {
                return true;
            }
        }

        return false;
    }
}
