namespace DocRag.Core.Text;

/// <summary>The exceptional forms of the English stemmer.</summary>
public static partial class EnglishStemmer
{
    private static string? SpecialWord(string word) => word switch
    {
        "skis" => "ski",
        "skies" => "sky",
        "dying" => "die",
        "lying" => "lie",
        "tying" => "tie",
        "idly" => "idl",
        "gently" => "gentl",
        "ugly" => "ugli",
        "early" => "earli",
        "only" => "onli",
        "singly" => "singl",
        "sky" or "news" or "howe" or "atlas" or "cosmos" or "bias" or "andes" => word,
        _ => null,
    };

    /// <summary>Words left as they are once Step 1a has run (so "innings" stems to "inning", not "in").</summary>
    private static bool IsInvariantAfterStep1a(StemBuffer w) =>
        w.Is("inning") || w.Is("outing") || w.Is("canning") || w.Is("herring") || w.Is("earring")
        || w.Is("proceed") || w.Is("exceed") || w.Is("succeed");
}
