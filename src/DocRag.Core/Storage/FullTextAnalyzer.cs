using System.Security.Cryptography;
using System.Text;
using DocRag.Core.Text;

namespace DocRag.Core.Storage;

/// <summary>
/// A fingerprint of what <see cref="SearchText.ForIndex"/> does today (stemming, stop words, folding), taken from its
/// output on a fixed probe text in each language. When the analysis changes, the fingerprint changes and the FTS rows
/// are rebuilt from the stored chunks, so index and query keep agreeing without re-parsing or re-embedding.
/// <see cref="RowLayout"/> counts changes to what goes into a row's columns (the same rebuild applies).
/// </summary>
public static class FullTextAnalyzer
{
    private const string Probe =
        "The Running runners ran quickly through the Studies, the studying and studied cities; "
        + "Las canciones cantadas por los niños y las niñas, corriendo rápidamente hacia la ciudad. Ça éèà ÅÄÖ 123 x-ray e-mail";

    /// <summary>2: the heading column leaves out an outermost heading equal to the document's title.</summary>
    private const int RowLayout = 2;

    public static string Signature { get; } = Compute();

    private static string Compute()
    {
        var sb = new StringBuilder().Append("rows:").Append(RowLayout).Append('\n');
        foreach (var language in Enum.GetValues<TextLanguage>())
        {
            sb.Append(language).Append(':').Append(SearchText.ForIndex(Probe, language)).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..16];
    }
}
