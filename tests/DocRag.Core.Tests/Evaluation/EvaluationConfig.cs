using Microsoft.Extensions.Configuration;

namespace DocRag.Core.Tests.Evaluation;

/// <summary>Configuration for evaluation tests: a data folder, no generator, and the embedding model named (or none).</summary>
internal static class EvaluationConfig
{
    public static IConfiguration Create(string dataFolder, string? modelsFolder = null, string embeddingModel = "none", params (string Key, string Value)[] extra) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DocRag:DataDirectory"] = dataFolder,
            ["DocRag:ModelsDirectory"] = modelsFolder ?? Path.Combine(dataFolder, "models"),
            ["DocRag:Embedding:Model"] = embeddingModel,
            ["DocRag:Embedding:ExecutionProvider"] = "cpu",
            ["DocRag:Generation:Model"] = "none",
        }.Concat(extra.Select(e => new KeyValuePair<string, string?>(e.Key, e.Value)))).Build();
}
