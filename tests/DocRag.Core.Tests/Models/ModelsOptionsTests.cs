using DocRag.Core.Hosting;
using DocRag.Core.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Tests.Models;

public sealed class ModelsOptionsTests
{
    [Fact]
    public void AddDocRag_DefaultsPointAtTheHubAndTheDataFolder()
    {
        using var services = Build(new() { ["DocRag:DataDirectory"] = "/srv/docrag" });

        var options = services.GetRequiredService<IOptions<ModelsOptions>>().Value;
        var store = services.GetRequiredService<ModelStore>();

        Assert.Equal("https://huggingface.co/", options.BaseUrl.AbsoluteUri);
        Assert.Equal(Path.GetFullPath("/srv/docrag/models"), store.ModelsDirectory);
        Assert.Same(ModelCatalog.Default, store.Catalog);
        Assert.NotNull(services.GetRequiredService<ModelDownloader>());
    }

    [Fact]
    public void AddDocRag_BindsTheModelsSection()
    {
        using var services = Build(new()
        {
            ["DocRag:Models:BaseUrl"] = "http://127.0.0.1:8080/hf",
            ["DocRag:Models:MaxRetries"] = "2",
            ["DocRag:Models:ReadTimeout"] = "00:00:05",
            ["DocRag:ModelsDirectory"] = "/opt/models",
        });

        var options = services.GetRequiredService<IOptions<ModelsOptions>>().Value;

        Assert.Equal(new Uri("http://127.0.0.1:8080/hf"), options.BaseUrl);
        Assert.Equal(2, options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(5), options.ReadTimeout);
        Assert.Equal(Path.GetFullPath("/opt/models"), services.GetRequiredService<ModelStore>().ModelsDirectory);
    }

    [Theory]
    [InlineData("DocRag:Models:BaseUrl", "ftp://example.org", "BaseUrl")]
    [InlineData("DocRag:Models:ReadTimeout", "00:00:00", "ReadTimeout")]
    [InlineData("DocRag:Models:MaxRetries", "-1", "MaxRetries")]
    public void AddDocRag_BadSettingFailsNamingIt(string key, string value, string name)
    {
        using var services = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ModelsOptions>>().Value);

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddDocRag(configuration).BuildServiceProvider();
    }
}
