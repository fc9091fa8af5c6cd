using DocRag.Core.Answering;
using DocRag.Core.Retrieval;
using DocRag.Core.Text;
using Microsoft.Extensions.AI;

namespace DocRag.Core.Tests.Answering;

public sealed class AnswerPromptBuilderTests
{
    private static readonly SearchHit[] TenPassages = [.. Enumerable.Range(1, 10).Select(i => Hits.Make(i, Words(i, 100), $"Doc {i}"))];

    [Fact]
    public void Build_LargeContext_AllPassagesNumberedInSearchOrder()
    {
        var prompt = Builder(contextSize: 8192).Build("What is in the docs?", TextLanguage.English, TenPassages, [], 512);

        Assert.Equal(Enumerable.Range(1, 10), prompt.Passages.Select(p => p.Number));
        Assert.Equal(TenPassages, prompt.Passages.Select(p => p.Hit));
        var user = prompt.Messages[^1].Text;
        Assert.True(user.IndexOf("[1] Document: Doc 1", StringComparison.Ordinal) < user.IndexOf("[10] Document: Doc 10", StringComparison.Ordinal));
        Assert.EndsWith("Question: What is in the docs?", user, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1024, 0.75)]
    [InlineData(2048, 0.5)]
    [InlineData(1200, 0.9)]
    public void Build_SmallerContext_KeepsThePassagesThatFitAndLeavesTheOutputFree(int contextSize, double ratio)
    {
        var prompt = Builder(contextSize, ratio).Build("What is in the docs?", TextLanguage.English, TenPassages, [], 256);

        var counted = prompt.Messages.Sum(m => WordCounter.Instance.CountTokens(m.Text)) + (prompt.Messages.Count * AnswerPromptBuilder.TemplateTokensPerMessage);
        Assert.True(prompt.Passages.Count < 10, "some passages should be left out");
        Assert.NotEmpty(prompt.Passages);
        Assert.Equal(counted, prompt.PromptTokens);
        Assert.True(prompt.PromptTokens + AnswerPromptBuilder.TemplateTokens <= contextSize * ratio, $"{prompt.PromptTokens} tokens exceed the {ratio} budget");
        Assert.True(prompt.PromptTokens + AnswerPromptBuilder.TemplateTokens + prompt.MaxOutputTokens <= contextSize);
        Assert.Equal(Enumerable.Range(1, prompt.Passages.Count), prompt.Passages.Select(p => p.Number));
    }

    [Fact]
    public void Build_PassageTooLargeSkipped_LaterSmallerOneKeptAndNumberedNext()
    {
        SearchHit[] hits = [Hits.Make(1, Words(1, 100)), Hits.Make(2, Words(2, 2000)), Hits.Make(3, Words(3, 100))];

        var prompt = Builder(contextSize: 1024).Build("What?", TextLanguage.English, hits, [], 128);

        Assert.Equal([1L, 3L], prompt.Passages.Select(p => p.Hit.DocumentId.Value));
        Assert.Equal([1, 2], prompt.Passages.Select(p => p.Number));
    }

    [Fact]
    public void Build_FirstPassageTooLarge_IsShortenedAtAWord()
    {
        SearchHit[] hits = [Hits.Make(1, Words(1, 3000))];

        var prompt = Builder(contextSize: 1024).Build("What?", TextLanguage.English, hits, [], 128);

        var passage = Assert.Single(prompt.Passages);
        Assert.EndsWith(" …", passage.Text, StringComparison.Ordinal);
        Assert.StartsWith(passage.Text[..^2], hits[0].Text, StringComparison.Ordinal);
        Assert.True(prompt.PromptTokens + AnswerPromptBuilder.TemplateTokens <= 768);
    }

    [Fact]
    public void Build_OutputLargerThanHalfTheContext_IsCapped()
    {
        var prompt = Builder(contextSize: 1024).Build("What?", TextLanguage.English, TenPassages, [], 5000);

        Assert.Equal(512, prompt.MaxOutputTokens);
        Assert.NotEmpty(prompt.Passages);
    }

    [Fact]
    public void Build_LongHistory_KeepsTheNewestTurnsThatFit()
    {
        var history = Enumerable.Range(1, 40)
            .Select(i => new ChatMessage(i % 2 == 1 ? ChatRole.User : ChatRole.Assistant, $"turn{i} " + Words(i, 30)))
            .ToList();

        var prompt = Builder(contextSize: 2048).Build("And then?", TextLanguage.English, TenPassages, history, 256);

        Assert.InRange(prompt.HistoryMessages, 1, 39);
        var kept = prompt.Messages.Skip(1).SkipLast(1).ToList();
        Assert.Equal(prompt.HistoryMessages, kept.Count);
        Assert.StartsWith("turn40 ", kept[^1].Text, StringComparison.Ordinal);
        Assert.NotEmpty(prompt.Passages);
    }

    [Fact]
    public void Build_QuestionLongerThanTheBudget_Throws()
    {
        var question = Words(0, 900);

        var error = Assert.Throws<QuestionTooLongException>(() => Builder(contextSize: 1024).Build(question, TextLanguage.English, TenPassages, [], 128));

        Assert.True(error.QuestionTokens > error.BudgetTokens);
    }

    [Fact]
    public void Build_Spanish_PassageLabelsInSpanish()
    {
        SearchHit[] hits = [Hits.Make(1, "La garantía dura dos años.", "Garantía", page: 4, heading: ["Políticas"])];

        var prompt = Builder(contextSize: 4096).Build("¿Cuánto dura la garantía?", TextLanguage.Spanish, hits, [], 128);

        Assert.Contains("[1] Documento: Garantía; página 4; sección: Políticas\nLa garantía dura dos años.", prompt.Messages[^1].Text, StringComparison.Ordinal);
        Assert.Contains(AnswerInstructions.SpanishNoAnswer, prompt.Messages[0].Text, StringComparison.Ordinal);
    }

    private static AnswerPromptBuilder Builder(int contextSize, double ratio = 0.75) => new(WordCounter.Instance, contextSize, ratio);

    private static string Words(int seed, int count) => string.Join(' ', Enumerable.Range(0, count).Select(i => $"w{seed}x{i}"));
}
