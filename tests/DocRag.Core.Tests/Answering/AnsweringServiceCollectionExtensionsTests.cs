using DocRag.Core.Answering;
using DocRag.Core.Hosting;
using DocRag.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Tests.Answering;

public sealed class AnsweringServiceCollectionExtensionsTests
{
    [Fact]
    public void AddDocRag_RegistersOneAnswerServiceWithTheConfiguredOptions()
    {
        using var data = new TempDirectory();
        using var services = Build(data, new() { ["DocRag:Answering:TopK"] = "9", ["DocRag:Answering:PromptBudgetRatio"] = "0.5" });

        Assert.Same(services.GetRequiredService<AnswerService>(), services.GetRequiredService<AnswerService>());
        var options = services.GetRequiredService<IOptions<AnsweringOptions>>().Value;
        Assert.Equal((9, 0.5), (options.TopK, options.PromptBudgetRatio));
    }

    [Theory]
    [InlineData("DocRag:Answering:PromptBudgetRatio", "1.5", "PromptBudgetRatio")]
    [InlineData("DocRag:Answering:TopK", "0", "TopK")]
    [InlineData("DocRag:Answering:MaxConcurrentGenerations", "0", "MaxConcurrentGenerations")]
    [InlineData("DocRag:Generation:Endpoint:Url", "http://127.0.0.1:1/v1", "DocRag:Generation:Endpoint:Model")]
    public void Start_BadSetting_FailsNamingIt(string key, string value, string named)
    {
        using var data = new TempDirectory();
        using var services = Build(data, new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(named, string.Join(" ", error.Failures), StringComparison.Ordinal);
    }

    private static ServiceProvider Build(TempDirectory data, Dictionary<string, string?> settings)
    {
        settings[DocRagEnvironment.DataKey] = data.Path;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddDocRag(configuration).BuildServiceProvider();
    }
}
