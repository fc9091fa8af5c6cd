namespace DocRag.Server.Endpoints;

/// <summary>The models' states in <c>/health</c>.</summary>
public sealed record HealthModels(ModelHealth Embedding, ModelHealth Generator);
