namespace DocRag.Server.Endpoints;

/// <summary>The body of <c>GET /ready</c> when ready.</summary>
public sealed record ReadinessResponse(string Status);
