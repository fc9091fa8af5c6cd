using DocRag.Core.Generation;
using DocRag.Core.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Tests.Generation;

public sealed class GenerationServiceCollectionExtensionsTests
{
    [Fact]
    public void AddDocRag_BindsGenerationOptionsAndSharesOneHost()
    {
        using var provider = Build(new()
        {
            ["DocRag:Generation:Model"] = "none",
            ["DocRag:Generation:ContextPoolSize"] = "2",
            ["DocRag:Generation:Temperature"] = "0.5",
        });

        var options = provider.GetRequiredService<IOptions<GenerationOptions>>().Value;

        Assert.True(options.IsDisabled);
        Assert.Equal(2, options.ContextPoolSize);
        Assert.Equal(0.5f, options.Temperature);
        Assert.Equal(4096, options.ContextSize);
        Assert.Same(provider.GetRequiredService<GenerationModelHost>(), provider.GetRequiredService<GenerationModelHost>());
    }

    [Theory]
    [InlineData("DocRag:Generation:FallbackChatTemplate", "my-template", "FallbackChatTemplate")]
    [InlineData("DocRag:Generation:ContextPoolSize", "0", "ContextPoolSize")]
    [InlineData("DocRag:Generation:Temperature", "-1", "Temperature")]
    public void ValidateOnStart_BadSetting_FailsNamingIt(string key, string value, string expected)
    {
        using var provider = Build(new() { [key] = value });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GenerationOptions>>().Value);

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddDocRag(configuration).BuildServiceProvider();
    }
}
