using System.Text.RegularExpressions;
using DocRag.Core.Answering;
using DocRag.Core.Hosting;
using DocRag.Core.Ingestion.Sync;
using DocRag.Core.Tests.Generation;
using DocRag.TestSupport;
using DocRag.TestSupport.Gguf;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DocRag.Core.Tests.Answering;

/// <summary>
/// The whole pipeline once, as the server and CLI compose it: a real index of text files, the real search, and a real
/// llama.cpp model (generated, random weights). Only the mechanics are asserted: a random model's words mean nothing.
/// </summary>
[Collection(LlamaLogSinkGroup.Name)]
public sealed partial class AnswerServiceLlamaTests : IDisposable
{
    private readonly TempDirectory _data = new("docrag-answer-llama");

    [Fact]
    public async Task Stream_RealIndexAndLlamaModel_StreamsAndCitesOnlyGivenPassages()
    {
        await using var services = await IndexedServicesAsync(generator: true);
        var answers = services.GetRequiredService<AnswerService>();

        var events = await answers.StreamAsync(new AnswerRequest("How long does the warranty last?") { Seed = 1 }).ToListAsync();

        var done = Assert.IsType<AnswerDoneEvent>(events[^1]);
        var citations = Assert.IsType<AnswerCitationsEvent>(events[^2]);
        var tokens = events.SkipLast(2).Select(e => Assert.IsType<AnswerTokenEvent>(e).Text).ToList();
        var answer = done.Answer;
        Assert.Equal(AnswerMode.Generative, answer.Mode);
        Assert.Equal("tiny-llama", answer.Model);
        Assert.Equal(answer.Text, string.Concat(tokens).Trim());
        Assert.InRange(answer.Passages, 1, 3);
        Assert.InRange(answer.Usage.OutputTokens, 1, 24);
        Assert.True(answer.Usage.PromptTokens > 100, "the prompt holds instructions and passages");
        Assert.Equal(answer.Citations, citations.Citations);
        Assert.All(answer.Citations, c => Assert.InRange(c.N, 1, answer.Passages));
        Assert.All(Markers().Matches(answer.Text), m => Assert.InRange(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 1, answer.Passages));
    }

    [Fact]
    public async Task Answer_RealIndexWithoutGenerator_ExtractiveFromTheIndexedFile()
    {
        await using var services = await IndexedServicesAsync(generator: false);

        var answer = await services.GetRequiredService<AnswerService>().AnswerAsync(new AnswerRequest("How long does the warranty last?"));

        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Equal(["warranty.txt", "batteries.txt"], answer.Citations.Select(c => Path.GetFileName(c.Path)));
        Assert.Equal("The warranty lasts two years from the date of purchase. [1]\n\nBatteries have their own warranty of one year. [2]", answer.Text);
    }

    public void Dispose() => _data.Dispose();

    private async Task<ServiceProvider> IndexedServicesAsync(bool generator)
    {
        var models = Directory.CreateDirectory(_data.Combine("models")).FullName;
        TestLlamaModel.Write(Path.Combine(models, "tiny-llama.gguf"), LlamaModelShape.Tiny with { ContextLength = 4096 });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DocRagEnvironment.DataKey] = _data.Combine("data"),
            [DocRagEnvironment.ModelsKey] = models,
            ["DocRag:Embedding:Model"] = "none",
            ["DocRag:Generation:Model"] = generator ? "tiny-llama.gguf" : "none",
            ["DocRag:Generation:ContextSize"] = "2048",
            ["DocRag:Generation:Threads"] = "1",
            ["DocRag:Answering:MaxOutputTokens"] = "24",
            ["DocRag:Answering:Temperature"] = "0",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddDocRag(configuration).BuildServiceProvider();
        var docs = Directory.CreateDirectory(_data.Combine("docs")).FullName;
        File.WriteAllText(Path.Combine(docs, "warranty.txt"), "The warranty lasts two years from the date of purchase. Returns are accepted within 30 days.");
        File.WriteAllText(Path.Combine(docs, "batteries.txt"), "Batteries have their own warranty of one year. Water damage is not covered.");
        File.WriteAllText(Path.Combine(docs, "office.txt"), "The office opens at nine and closes at five.");
        await services.GetRequiredService<FolderSync>().SyncAsync(docs, "docs");
        return services;
    }

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Markers();
}
