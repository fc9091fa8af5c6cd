namespace DocRag.Server.Endpoints;

/// <summary>A recommended model of the catalog (<c>docrag models pull NAME</c> downloads it).</summary>
/// <param name="Role"><c>embedding</c> or <c>generator</c>.</param>
/// <param name="SizeBytes">Download size.</param>
/// <param name="State"><c>downloaded</c>, <c>partial</c> or <c>notDownloaded</c>.</param>
/// <param name="InUse">Whether the server loaded (or is loading) this model.</param>
public sealed record CatalogModelView(
    string Name, string Role, string Languages, long SizeBytes, string Licence, string Repository, string State, bool Downloaded, bool InUse);
