namespace DocRag.Server.Endpoints;

/// <summary>A model's state (as in <c>/v1/models</c>), its id and device when loaded.</summary>
public sealed record ModelHealth(string State, string? ModelId, string? Device);
