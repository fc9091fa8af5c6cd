namespace DocRag.Core.Text;

/// <summary>Step 1 of the Spanish stemmer (standard suffixes) and the verb suffix lists of step 2.</summary>
public static partial class SpanishStemmer
{
    private static readonly string[] StandardSuffixes = StemBuffer.LongestFirst(
        "anza", "anzas", "ico", "ica", "icos", "icas", "ismo", "ismos", "able", "ables", "ible", "ibles", "ista", "istas",
        "oso", "osa", "osos", "osas", "amiento", "amientos", "imiento", "imientos",
        "adora", "ador", "ación", "adoras", "adores", "aciones", "ante", "antes", "ancia", "ancias",
        "logía", "logías", "ución", "uciones", "encia", "encias", "amente", "mente", "idad", "idades", "iva", "ivo",
        "ivas", "ivos");

    private static readonly string[] AfterAmente = StemBuffer.LongestFirst("iv", "os", "ic", "ad");
    private static readonly string[] AfterMente = StemBuffer.LongestFirst("ante", "able", "ible");
    private static readonly string[] AfterIdad = StemBuffer.LongestFirst("abil", "ic", "iv");

    private static readonly string[] YVerbSuffixes = StemBuffer.LongestFirst(
        "ya", "ye", "yan", "yen", "yeron", "yendo", "yo", "yó", "yas", "yes", "yais", "yamos");

    private static readonly string[] VerbSuffixes = StemBuffer.LongestFirst(
        "en", "es", "éis", "emos",
        "arían", "arías", "arán", "arás", "aríais", "aría", "aréis", "aríamos", "aremos", "ará", "aré",
        "erían", "erías", "erán", "erás", "eríais", "ería", "eréis", "eríamos", "eremos", "erá", "eré",
        "irían", "irías", "irán", "irás", "iríais", "iría", "iréis", "iríamos", "iremos", "irá", "iré",
        "aba", "ada", "ida", "ía", "ara", "iera", "ad", "ed", "id", "ase", "iese", "aste", "iste", "an", "aban", "ían",
        "aran", "ieran", "asen", "iesen", "aron", "ieron", "ado", "ido", "ando", "iendo", "ió", "ar", "er", "ir", "as",
        "abas", "adas", "idas", "ías", "aras", "ieras", "ases", "ieses", "ís", "áis", "abais", "íais", "arais", "ierais",
        "aseis", "ieseis", "asteis", "isteis", "ados", "idos", "amos", "ábamos", "íamos", "imos", "áramos", "iéramos",
        "iésemos", "ásemos");

    /// <summary>Step 1: derivational suffixes, each removed (or replaced) only inside its region.</summary>
    private static bool StandardSuffix(ref StemBuffer w, Regions regions)
    {
        var suffix = w.LongestSuffix(StandardSuffixes);
        if (suffix is null)
        {
            return false;
        }

        var start = w.Length - suffix.Length;
        if (start < (suffix == "amente" ? regions.R1 : regions.R2))
        {
            return false;
        }

        switch (suffix)
        {
            case "logía" or "logías":
                w.ReplaceEnd(suffix.Length, "log");
                break;
            case "ución" or "uciones":
                w.ReplaceEnd(suffix.Length, "u");
                break;
            case "encia" or "encias":
                w.ReplaceEnd(suffix.Length, "ente");
                break;
            case "adora" or "ador" or "ación" or "adoras" or "adores" or "aciones" or "ante" or "antes" or "ancia" or "ancias":
                w.Truncate(start);
                RemoveInR2(ref w, "ic", regions);
                break;
            case "amente":
                w.Truncate(start);
                if (RemoveLongestInR2(ref w, AfterAmente, regions) == "iv")
                {
                    RemoveInR2(ref w, "at", regions);
                }

                break;
            case "mente":
                w.Truncate(start);
                RemoveLongestInR2(ref w, AfterMente, regions);
                break;
            case "idad" or "idades":
                w.Truncate(start);
                RemoveLongestInR2(ref w, AfterIdad, regions);
                break;
            case "iva" or "ivo" or "ivas" or "ivos":
                w.Truncate(start);
                RemoveInR2(ref w, "at", regions);
                break;
            default:
                w.Truncate(start);
                break;
        }

        return true;
    }

    private static void RemoveInR2(ref StemBuffer w, string suffix, Regions regions)
    {
        if (w.EndsWith(suffix) && w.Length - suffix.Length >= regions.R2)
        {
            w.Truncate(w.Length - suffix.Length);
        }
    }

    /// <summary>Removes the longest of <paramref name="suffixes"/> when it lies in R2; returns it, or null.</summary>
    private static string? RemoveLongestInR2(ref StemBuffer w, string[] suffixes, Regions regions)
    {
        var suffix = w.LongestSuffix(suffixes);
        if (suffix is null || w.Length - suffix.Length < regions.R2)
        {
            return null;
        }

        w.Truncate(w.Length - suffix.Length);
        return suffix;
    }
}
