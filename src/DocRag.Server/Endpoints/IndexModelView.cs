namespace DocRag.Server.Endpoints;

/// <summary>The embedding model the index's vectors belong to.</summary>
public sealed record IndexModelView(string ModelId, int Dimension);
