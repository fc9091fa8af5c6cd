using DocRag.Server.Hosting;
using Microsoft.Extensions.Configuration;

namespace DocRag.Server.Tests.Hosting;

public sealed class ServerOptionsValidatorTests
{
    private const string GoodKey = "0123456789abcdef0123";

    [Fact]
    public void Validate_Defaults_Succeed() => Assert.True(Validate(new ServerOptions()).Succeeded);

    [Theory]
    [InlineData("urls", "http://0.0.0.0:5080", "--urls / ASPNETCORE_URLS")]
    [InlineData("urls", "http://192.168.1.5:5080", "--urls / ASPNETCORE_URLS")]
    [InlineData("http_ports", "8080", "HTTP_PORTS")]
    [InlineData("Kestrel:Endpoints:lan:Url", "http://nas.local:5080", "Kestrel:Endpoints:lan:Url")]
    public void Validate_NonLoopbackWithoutKeys_FailsNamingAddressAndSetting(string key, string value, string setting)
    {
        var result = Validate(new ServerOptions(), new() { [key] = value });

        var failure = Assert.Single(result.Failures!);
        Assert.Contains($"from {setting}", failure);
        Assert.Contains("DocRag:Server:ApiKeys", failure);
        Assert.DoesNotContain('\n', failure);
    }

    [Fact]
    public void Validate_NonLoopbackWithConfiguredKey_Succeeds()
    {
        var options = new ServerOptions();
        options.ApiKeys.Add(Key("ops", GoodKey));

        Assert.True(Validate(options, new() { ["urls"] = "http://0.0.0.0:5080" }).Succeeded);
    }

    [Fact]
    public void Validate_NonLoopbackWithEnvironmentKey_Succeeds() =>
        Assert.True(Validate(new ServerOptions(), new() { ["urls"] = "http://+:80", ["DOCRAG_API_KEYS"] = "ops:" + GoodKey }).Succeeded);

    [Fact]
    public void Validate_BadKeys_NameTheSettingNeverTheKey()
    {
        var options = new ServerOptions();
        options.ApiKeys.Add(Key("alice", "short-secret"));
        options.ApiKeys.Add(Key("Alice", GoodKey));
        options.ApiKeys.Add(Key("bob", GoodKey));
        options.ApiKeys.Add(Key("has space", "with space in it 0123"));

        var failures = Validate(options, new() { ["DOCRAG_API_KEYS"] = "lonely-secret-without-name" }).Failures!.ToList();

        Assert.Contains(failures, f => f.StartsWith("DocRag:Server:ApiKeys:0:Key must be at least 16", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("DocRag:Server:ApiKeys:1:Name 'Alice' is used by another key", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("DocRag:Server:ApiKeys:2:Key is the same as DocRag:Server:ApiKeys:1", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("DocRag:Server:ApiKeys:3:Name must be", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("DocRag:Server:ApiKeys:3:Key must be printable ASCII", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("DOCRAG_API_KEYS entry 1 must be NAME:KEY", StringComparison.Ordinal));
        Assert.All(failures, f => Assert.DoesNotContain("secret", f));
        Assert.All(failures, f => Assert.DoesNotContain(GoodKey, f));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("intranet.example")]
    [InlineData("https://intranet.example/app")]
    [InlineData("ftp://intranet.example")]
    public void Validate_BadCorsOrigin_Fails(string origin)
    {
        var options = new ServerOptions();
        options.Cors.AllowedOrigins.Add(origin);

        Assert.StartsWith("DocRag:Server:Cors:AllowedOrigins:0", Assert.Single(Validate(options).Failures!));
    }

    [Fact]
    public void Validate_GoodCorsOrigins_Succeed()
    {
        var options = new ServerOptions();
        options.Cors.AllowedOrigins.Add("https://intranet.example");
        options.Cors.AllowedOrigins.Add("http://localhost:3000/");

        Assert.True(Validate(options).Succeeded);
    }

    [Fact]
    public void Validate_BadLimits_FailEach()
    {
        var options = new ServerOptions { MaxRequestBodyBytes = 0, MaxUploadBytes = -1, DefaultRequestsPerMinute = -5, NotReadyRetryAfterSeconds = 0 };
        options.ApiKeys.Add(Key("ops", GoodKey, requestsPerMinute: -1));

        var failures = Validate(options).Failures!.ToList();

        Assert.Equal(5, failures.Count);
        Assert.Contains(failures, f => f.Contains("DocRag:Server:ApiKeys:0:RequestsPerMinute", StringComparison.Ordinal));
    }

    private static ApiKeyOptions Key(string name, string key, int? requestsPerMinute = null) =>
        new() { Name = name, Key = key, RequestsPerMinute = requestsPerMinute };

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(ServerOptions options, Dictionary<string, string?>? settings = null) =>
        new ServerOptionsValidator(new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build()).Validate(null, options);
}
