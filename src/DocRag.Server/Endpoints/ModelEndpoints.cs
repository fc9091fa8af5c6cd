using DocRag.Core.Embeddings;
using DocRag.Core.Generation;
using DocRag.Core.Models;
using DocRag.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocRag.Server.Endpoints;

/// <summary><c>GET /v1/models</c>: the embedding model and the generator in use (state, device, sizes), and the model catalog.</summary>
public static class ModelEndpoints
{
    public static RouteGroupBuilder MapModels(this RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        v1.MapGet("/models", GetModels).WithName("ListModels").WithTags("Models")
            .WithSummary("The embedding model and generator (state, reason, dimensions, context, device), search and answer modes, and the catalog.");
        return v1;
    }

    private static async Task<Ok<ModelsResponse>> GetModels(
        EmbeddingModelHost embedder, GenerationModelHost generator, ModelStore store, HttpContext context, CancellationToken cancellationToken)
    {
        var view = await ScopedView.ForAsync(context, cancellationToken).ConfigureAwait(false);
        var embedding = embedder.Status;
        var generation = generator.Status;
        var catalog = store.GetStatuses().Select(s => new CatalogModelView(
            s.Model.Name, RoleCode(s.Model.Role), s.Model.Languages, s.Model.ApproximateBytes, s.Model.Licence, s.Model.Repository,
            ModelStates.Code(s.State), s.State == ModelInstallState.Downloaded, InUse(s.Directory, embedding, generation))).ToList();
        var local = store.FindUnknownModels().Select(m => new LocalModelView(
            m.Name, m.Format == LocalModelFormat.Gguf ? "generator" : "embedding", m.Bytes, InUse(m.Path, embedding, generation))).ToList();
        var searchMode = embedding.State == EmbeddingModelState.Ready ? "hybrid" : "keyword";
        var answerMode = generation.State == GenerationModelState.Ready ? "generative" : "extractive";
        var embeddingView = EmbeddingModelView.From(embedding);
        var generatorView = GeneratorModelView.From(generation);
        return TypedResults.Ok(new ModelsResponse(
            embeddingView with { Reason = view.Text(embeddingView.Reason) }, generatorView with { Reason = view.Text(generatorView.Reason) },
            searchMode, answerMode, [.. Notices(embedding, generation).Select(n => view.Text(n)!)], catalog, local));
    }

    private static List<string> Notices(EmbeddingModelStatus embedding, GenerationModelStatus generation)
    {
        var notices = new List<string>();
        switch (embedding.State)
        {
            case EmbeddingModelState.NotLoaded or EmbeddingModelState.Loading:
                notices.Add("The embedding model is loading: search is by keyword until it is ready.");
                break;
            case EmbeddingModelState.Unavailable or EmbeddingModelState.Failed:
                notices.Add($"Search is by keyword only: {embedding.Reason}. 'docrag models pull multilingual-e5-small' adds an embedding model.");
                break;
        }

        switch (generation.State)
        {
            case GenerationModelState.NotLoaded or GenerationModelState.Loading:
                notices.Add("The generator model is loading: answers are extractive (quoted passages) until it is ready.");
                break;
            case GenerationModelState.Disabled or GenerationModelState.NotFound or GenerationModelState.Failed:
                notices.Add($"Answers are extractive (the best passages, quoted) because there is no generator: {generation.Reason}. 'docrag models pull qwen2.5-1.5b-instruct-q4_k_m' adds one.");
                break;
        }

        return notices;
    }

    private static bool InUse(string path, EmbeddingModelStatus embedding, GenerationModelStatus generation)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        return Same(embedding.Directory, full) || (generation.ModelPath is { } model && (Same(model, full) || Same(Path.GetDirectoryName(model), full)));
    }

    private static bool Same(string? a, string b) =>
        a is not null && string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), b, StringComparison.Ordinal);

    private static string RoleCode(ModelRole role) => role == ModelRole.Generator ? "generator" : "embedding";
}
