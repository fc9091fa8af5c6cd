using System.Text;
using DocRag.Native.Llama;
using DocRag.TestSupport;

namespace DocRag.Native.Tests.Llama;

public sealed class LlamaVocabularyTests
{
    public static TheoryData<string> Texts =>
    [
        "Hello world, this is a test.",
        "¿Dónde está el niño? Añadió una canción en español.",
        "Ça va? Über, naïve, façade, smörgåsbord.",
        "日本語のテキストと中文测试。",
        "한국어 문장입니다.",
        "emoji 😀🎉👍🏽 and a family 👨‍👩‍👧",
        "tabs\tand\nnew lines\n\n  spaces",
    ];

    [SharedModelsTheory]
    [MemberData(nameof(Texts))]
    public void Tokenize_Llama2Vocabulary_RoundTrips(string text)
    {
        using var model = LoadTinyRandom();
        var vocab = model.Vocabulary;

        var tokens = vocab.Tokenize(text, addSpecial: false, parseSpecial: false);

        Assert.NotEmpty(tokens);
        Assert.All(tokens, t => Assert.InRange(t, 0, vocab.Count - 1));
        Assert.Equal(text, vocab.Detokenize(tokens));
    }

    [SharedModelsTheory]
    [MemberData(nameof(Texts))]
    public void GetPiece_ConcatenatedBytes_DecodeToTheText(string text)
    {
        using var model = LoadTinyRandom();
        var vocab = model.Vocabulary;

        var bytes = vocab.Tokenize(text, addSpecial: false, parseSpecial: false).SelectMany(t => vocab.GetPiece(t)).ToArray();

        // SentencePiece marks the start with a space; emoji and CJK not in the vocabulary come back as byte tokens.
        Assert.Equal(" " + text, Encoding.UTF8.GetString(bytes));
    }

    [SharedModelsFact]
    public void Vocabulary_Llama2_Has32kTokensAndBos()
    {
        using var model = LoadTinyRandom();
        var vocab = model.Vocabulary;

        var withSpecial = vocab.Tokenize("Hello", addSpecial: true, parseSpecial: false);

        Assert.Equal(32000, vocab.Count);
        Assert.Equal(LlamaVocabType.SentencePiece, vocab.Type);
        Assert.True(vocab.AddsBeginningOfSequence);
        Assert.Equal(vocab.BeginningOfSequence, withSpecial[0]);
        Assert.True(vocab.IsEndOfGeneration(vocab.EndOfSequence));
        Assert.False(vocab.IsEndOfGeneration(withSpecial[^1]));
        Assert.Equal(withSpecial.Length - 1, vocab.CountTokens("Hello"));
    }

    [SharedModelsFact]
    public void TryWritePiece_SmallBuffer_ReportsSizeNeeded()
    {
        using var model = LoadTinyRandom();
        var token = model.Vocabulary.Tokenize("extraordinary", addSpecial: false, parseSpecial: false)[0];
        var piece = model.Vocabulary.GetPiece(token);

        var ok = model.Vocabulary.TryWritePiece(token, new byte[1], special: false, out var needed);

        Assert.True(piece.Length > 1);
        Assert.False(ok);
        Assert.Equal(piece.Length, needed);
    }

    [SharedModelsFact]
    public void Tokenize_LongText_GrowsBuffer()
    {
        using var model = LoadTinyRandom();
        var text = string.Concat(Enumerable.Repeat("the quick brown fox 😀 ", 500));

        var tokens = model.Vocabulary.Tokenize(text, addSpecial: false, parseSpecial: false);

        Assert.True(tokens.Length > 2000);
        Assert.Equal(text, model.Vocabulary.Detokenize(tokens));
    }

    private static LlamaModel LoadTinyRandom() =>
        LlamaModel.Load(TestEnvironment.ModelFile("llama-2-tiny-random", "llama-2-tiny-random.gguf"), new LlamaModelLoadOptions { VocabOnly = true });
}
