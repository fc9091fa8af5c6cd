using Microsoft.Extensions.AI;

namespace DocRag.Core.Retrieval;

/// <summary>The mode a search runs in, why it differs from the one asked for, and the embedder for its vector side.</summary>
internal sealed record SearchPlan(SearchMode Mode, string? Reason, IEmbeddingGenerator<string, Embedding<float>>? Embedder);
