namespace DocRag.Core.Text;

/// <summary>English stop words: the Snowball list without its contractions (the tokenizer splits those), plus the
/// stems contractions leave behind (isn, don, ...). Single letters other than "a" and "i" are not stop words
/// (vitamin D, T cells).</summary>
public static partial class StopWords
{
    private const string EnglishWords = """
        i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself
        it its itself they them their theirs themselves what which who whom whose this that these those
        am is are was were be been being have has had having do does did doing would should could ought
        a an the and but if or because as until while of at by for with about against between into through during
        before after above below to from up down in out on off over under again further then once here there when where
        why how all any both each few more most other some such no nor not only own same so than too very
        isn aren wasn weren hasn haven hadn doesn don didn wouldn shouldn couldn mustn shan cannot
        """;
}
