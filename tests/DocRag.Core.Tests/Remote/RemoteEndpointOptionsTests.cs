using DocRag.Core.Embeddings;
using DocRag.Core.Generation;
using DocRag.Core.Remote;

namespace DocRag.Core.Tests.Remote;

public sealed class RemoteEndpointOptionsTests
{
    [Fact]
    public void Validate_NoUrl_NothingChecked() =>
        Assert.Empty(new RemoteEndpointOptions { Model = null, TimeoutSeconds = -1 }.Validate("X"));

    [Fact]
    public void Validate_BadSettings_EachNamed()
    {
        var options = new RemoteEndpointOptions { Url = "ftp://host/v1", Model = " ", TimeoutSeconds = 0, MaxRetries = 11, ContextSize = 10, Dimensions = 0 };

        var failures = options.Validate("DocRag:Generation:Endpoint").ToList();

        Assert.Equal(6, failures.Count);
        Assert.All(failures, f => Assert.StartsWith("DocRag:Generation:Endpoint:", f, StringComparison.Ordinal));
    }

    [Fact]
    public void Validator_ChecksBothSections()
    {
        var validator = new RemoteEndpointOptionsValidator();

        var generation = validator.Validate(null, new GenerationOptions { Endpoint = { Url = "not a url", Model = "m" } });
        var embedding = validator.Validate(null, new EmbeddingOptions { Endpoint = { Url = "http://127.0.0.1:8080/v1", Model = "m" } });

        Assert.True(generation.Failed);
        Assert.Contains("DocRag:Generation:Endpoint:Url", generation.FailureMessage, StringComparison.Ordinal);
        Assert.True(embedding.Succeeded);
    }
}
