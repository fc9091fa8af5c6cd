using System.Collections.Frozen;

namespace DocRag.Core.Text;

/// <summary>
/// The profiles the detector compares. German, French, Portuguese and Italian are there so that their texts, which
/// share words and letters with Spanish and English, come out as Other instead of a poor match.
/// </summary>
public static partial class LanguageDetector
{
    private static readonly LanguageProfile[] Profiles =
    [
        new(TextLanguage.English,
            """
            the and of to in is that it for with as was on are this be by or from which have has had were not but an at
            these their we they been can will would there what when who how its our you he she his her than also into
            more other only about after such between both each may should could does did do where why whom whose if so
            all any some my your them him i
            """,
            new Dictionary<char, double>()),
        new(TextLanguage.Spanish,
            """
            el la de que y en los las del se por un una con para es al lo como más pero sus su le ya este esta sí porque
            entre cuando muy sin sobre también hasta hay donde desde todo durante fue son está ha han qué cómo dónde
            cuál cuáles quién quiénes cuándo cuánto cuántos cuántas ser era eran fueron sido estos estas ese esa ni
            según tiene pueden puede otro otra otros otras no muy mucho mucha muchos muchas les nos eso aquí ahora
            aunque sino cuyo cuya cuyos cuyas todos todas nada nunca
            """,
            new Dictionary<char, double> { ['ñ'] = 1, ['á'] = 0.4, ['í'] = 0.4, ['ó'] = 0.4, ['ú'] = 0.4, ['é'] = 0.2 },
            new Dictionary<char, double> { ['¿'] = 1, ['¡'] = 1 }),
        new(TextLanguage.Other, // Portuguese
            """
            o os as de do da dos das em no na nos nas um uma que e é com para por não mais se ao aos à pelo pela também
            foi são está ser como mas seu sua ele ela isso este esta muito há entre quando
            """,
            new Dictionary<char, double>
            {
                ['ã'] = 1, ['õ'] = 1, ['ç'] = 0.5, ['â'] = 0.4, ['ê'] = 0.4, ['ô'] = 0.4, ['á'] = 0.4, ['í'] = 0.3,
                ['ó'] = 0.3, ['ú'] = 0.3, ['é'] = 0.2, ['à'] = 0.3,
            }),
        new(TextLanguage.Other, // French
            """
            le la les de des du un une et est en que qui dans pour pas sur au aux avec ce cette il elle ne sont par plus
            ou mais été être nous vous leur ses son sa ont
            """,
            new Dictionary<char, double>
            {
                ['è'] = 0.7, ['ê'] = 0.5, ['à'] = 0.5, ['ù'] = 0.7, ['â'] = 0.4, ['î'] = 0.7, ['ô'] = 0.4, ['û'] = 0.7,
                ['ë'] = 0.7, ['ï'] = 0.7, ['œ'] = 1, ['ç'] = 0.5, ['é'] = 0.3,
            }),
        new(TextLanguage.Other, // Italian
            """
            il lo la gli le di del della dei delle che e è un una per con non sono nel nella alla al da dal anche più
            come ma questo questa ha hanno era essere stato si su
            """,
            new Dictionary<char, double> { ['ò'] = 0.7, ['ì'] = 0.7, ['ù'] = 0.5, ['à'] = 0.4, ['è'] = 0.5 }),
        new(TextLanguage.Other, // German
            """
            der die das und ist nicht ein eine einen zu mit von den dem des sich auf für im auch es sie wir ich er wird
            werden wurde sind war nach bei aus als wie oder aber noch nur über kann
            """,
            new Dictionary<char, double> { ['ä'] = 1, ['ö'] = 1, ['ü'] = 0.7, ['ß'] = 1 }),
    ];

    /// <summary>For each function word, the profiles that list it.</summary>
    private static readonly FrozenDictionary<string, int[]> FunctionWordOwners = Profiles
        .SelectMany((profile, index) => profile.FunctionWords.Select(word => (word, index)))
        .GroupBy(x => x.word, StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.index).ToArray(), StringComparer.Ordinal);
}
