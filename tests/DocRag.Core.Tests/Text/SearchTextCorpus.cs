using DocRag.Core.Text;

namespace DocRag.Core.Tests.Text;

/// <summary>The small multilingual corpus <see cref="SearchTextTests"/> search, indexed once for the class.</summary>
public sealed class SearchTextCorpus : IDisposable
{
    public SearchTextCorpus() => Index.Add(
        (1, "The patients were running a clinical trial of vaccines against COVID-19.", TextLanguage.English),
        (2, "Los niños cantaban canciones sobre la acción del gobierno en Madrid.", TextLanguage.Spanish),
        (3, "Die Katzen schlafen auf dem Sofa.", TextLanguage.Other),
        (4, "Download the Q4_K_M quantisation of the 7B model and run it with llama.cpp.", TextLanguage.English),
        (5, "東京都に住んでいます。", TextLanguage.Other),
        (6, "Nikola Tesla trabajó en Nueva York.", TextLanguage.Spanish),
        (7, "Cats AND dogs OR birds: the \"NEAR\" operator is not a word here.", TextLanguage.English));

    public FtsTestIndex Index { get; } = new();

    public void Dispose() => Index.Dispose();
}
