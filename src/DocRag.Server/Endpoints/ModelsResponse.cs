namespace DocRag.Server.Endpoints;

/// <summary><c>GET /v1/models</c>: the models the server uses, what that means for search and answers, and the models available.</summary>
/// <param name="SearchMode"><c>hybrid</c> (keywords and vectors) when the embedding model is ready, else <c>keyword</c>.</param>
/// <param name="AnswerMode"><c>generative</c> when the generator is ready, else <c>extractive</c> (quoted passages).</param>
/// <param name="Notices">Sentences for the user about reduced modes (no generator, no embedding model, still loading).</param>
public sealed record ModelsResponse(
    EmbeddingModelView Embedding,
    GeneratorModelView Generator,
    string SearchMode,
    string AnswerMode,
    IReadOnlyList<string> Notices,
    IReadOnlyList<CatalogModelView> Catalog,
    IReadOnlyList<LocalModelView> Local);
