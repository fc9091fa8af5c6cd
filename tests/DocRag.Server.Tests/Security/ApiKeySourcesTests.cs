using DocRag.Server.Hosting;
using DocRag.Server.Security;
using Microsoft.Extensions.Configuration;

namespace DocRag.Server.Tests.Security;

public sealed class ApiKeySourcesTests
{
    [Fact]
    public void ParseVariable_NamesAndKeys_KeyMayContainColons()
    {
        var errors = new List<string>();

        var keys = ApiKeySources.ParseVariable(" ops : key:with:colons-0123 ,ci:second-key-0123456789,, ", errors);

        Assert.Empty(errors);
        Assert.Equal(["ops", "ci"], keys.Select(k => k.Name));
        Assert.Equal(["key:with:colons-0123", "second-key-0123456789"], keys.Select(k => k.Key));
        Assert.Equal("DOCRAG_API_KEYS entry 2", keys[1].Setting);
    }

    [Theory]
    [InlineData("just-a-key")]
    [InlineData(":key-without-name")]
    [InlineData("name-without-key:")]
    public void ParseVariable_Malformed_ReportsEntryWithoutEchoingIt(string value)
    {
        var errors = new List<string>();

        Assert.Empty(ApiKeySources.ParseVariable(value, errors));
        var error = Assert.Single(errors);
        Assert.DoesNotContain(value.Trim(':'), error);
    }

    [Fact]
    public void Read_OptionsThenVariable()
    {
        var options = new ServerOptions();
        options.ApiKeys.Add(new ApiKeyOptions { Name = "alice", Key = "alice-key-0123456789" });
        options.ApiKeys[0].Collections.Add("hr");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("DOCRAG_API_KEYS", "ops:ops-key-0123456789")]).Build();

        var keys = ApiKeySources.Read(options, configuration, []);

        Assert.Equal(["alice", "ops"], keys.Select(k => k.Name));
        Assert.Equal(["hr"], keys[0].Collections);
        Assert.Equal("DocRag:Server:ApiKeys:0", keys[0].Setting);
    }
}
