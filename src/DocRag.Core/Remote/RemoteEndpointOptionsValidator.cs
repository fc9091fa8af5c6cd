using DocRag.Core.Embeddings;
using DocRag.Core.Generation;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Remote;

/// <summary>Checks <c>DocRag:Generation:Endpoint</c> and <c>DocRag:Embedding:Endpoint</c> at start; each failure names the setting.</summary>
public sealed class RemoteEndpointOptionsValidator : IValidateOptions<GenerationOptions>, IValidateOptions<EmbeddingOptions>
{
    public ValidateOptionsResult Validate(string? name, GenerationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Result(options.Endpoint.Validate(GenerationOptions.SectionName + ":Endpoint"));
    }

    public ValidateOptionsResult Validate(string? name, EmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Result(options.Endpoint.Validate(EmbeddingOptions.SectionName + ":Endpoint"));
    }

    private static ValidateOptionsResult Result(IEnumerable<string> failures)
    {
        var list = failures.ToList();
        return list.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(list);
    }
}
