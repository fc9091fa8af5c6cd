namespace DocRag.Core.Text;

/// <summary>The languages DocRag analyses specially (stemming, stop words); everything else is <see cref="Other"/>.</summary>
public enum TextLanguage
{
    Other = 0,
    English = 1,
    Spanish = 2,
}
