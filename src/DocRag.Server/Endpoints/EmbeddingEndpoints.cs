using System.Runtime.InteropServices;
using System.Text.Json;
using DocRag.Core.Diagnostics;
using DocRag.Core.Embeddings;
using DocRag.Core.Hosting;
using DocRag.Core.Text;
using DocRag.Server.Endpoints.OpenAi;
using DocRag.Server.Problems;
using DocRag.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.AI;

namespace DocRag.Server.Endpoints;

/// <summary>
/// <c>POST /v1/embeddings</c>, OpenAI-compatible, with the embedder DocRag indexes with (local ONNX or remote): 503
/// <c>service-unavailable</c> when there is none. Errors carry OpenAI's <c>error</c> member as on chat completions.
/// </summary>
public static class EmbeddingEndpoints
{
    /// <summary>Most inputs in one request (OpenAI's own limit).</summary>
    public const int MaxInputs = 2048;

    /// <summary>Longest input, in characters (the embedder truncates to its own token limit anyway).</summary>
    public const int MaxInputChars = 100_000;

    public static RouteGroupBuilder MapEmbeddings(this RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        v1.MapPost("/embeddings", CreateEmbeddings)
            .WithName("CreateEmbeddings")
            .WithTags("OpenAI-compatible")
            .WithSummary("OpenAI-compatible embeddings with the index's embedding model")
            .WithMetadata(new OpenAiErrorShape())
            .Produces<EmbeddingResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireReadiness();
        return v1;
    }

    private static async Task<Results<Ok<EmbeddingResponse>, ValidationProblem>> CreateEmbeddings(
        EmbeddingRequest body, HttpContext context, EmbeddingModelHost host, DocRagMetrics metrics)
    {
        if (Inputs(body.Input) is not { } inputs)
        {
            return Invalid("input", $"input must be a non-empty string or an array of 1 to {MaxInputs} non-empty strings of at most {MaxInputChars} characters, of valid Unicode text.");
        }

        var embedder = await host.GetAsync(context.RequestAborted).ConfigureAwait(false)
            ?? throw new ServiceUnavailableException(
                $"No embedding model is loaded ({(await ScopedView.ForAsync(context, context.RequestAborted).ConfigureAwait(false)).Text(host.Status.Reason) ?? host.Status.State.ToString()}).");
        var metadata = embedder.GetService<EmbeddingGeneratorMetadata>();
        if (body.Dimensions is { } wanted && metadata?.DefaultModelDimensions is { } dimensions && wanted != dimensions)
        {
            return Invalid("dimensions", $"The embedding model makes {dimensions}-dimensional vectors; omit dimensions or ask for {dimensions}.");
        }

        var purpose = body.InputType == "query" ? EmbeddingPurpose.Query : EmbeddingPurpose.Passage;
        var vectors = await embedder.GenerateAsync(inputs, new EmbeddingGenerationOptions().WithPurpose(purpose), context.RequestAborted).ConfigureAwait(false);
        metrics.AddEmbeddedTexts(inputs.Count, purpose);
        var counter = embedder.GetService<ITokenCounter>() ?? ApproximateTokenCounter.Instance;
        var base64 = body.EncodingFormat == "base64";
        var data = vectors.Select((vector, index) => new EmbeddingData(index, base64 ? Base64(vector.Vector) : vector.Vector.ToArray())).ToList();
        return TypedResults.Ok(new EmbeddingResponse(data, metadata?.DefaultModelId ?? host.Status.ModelId ?? "docrag-embedder",
            new EmbeddingUsage(inputs.Sum(counter.CountTokens))));
    }

    private static List<string>? Inputs(JsonElement input)
    {
        List<string?> texts = input.ValueKind switch
        {
            JsonValueKind.String => [JsonStrings.TryGet(input)],
            JsonValueKind.Array when input.GetArrayLength() is > 0 and <= MaxInputs && input.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
                [.. input.EnumerateArray().Select(JsonStrings.TryGet)],
            _ => [],
        };
        return texts.Count > 0 && texts.All(t => t is { Length: > 0 and <= MaxInputChars }) ? [.. texts.Select(t => t!)] : null;
    }

    private static string Base64(ReadOnlyMemory<float> vector)
    {
        var bytes = MemoryMarshal.AsBytes(vector.Span);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("base64 embeddings are little-endian float32");
        }

        return Convert.ToBase64String(bytes);
    }

    private static ValidationProblem Invalid(string field, string message) =>
        DocRagProblems.Validation(new Dictionary<string, string[]> { [field] = [message] });
}
