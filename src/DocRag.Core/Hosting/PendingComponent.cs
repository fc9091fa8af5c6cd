namespace DocRag.Core.Hosting;

/// <summary>A component that is not ready yet, and why (for example <c>embedder</c>, <c>loading embedding model</c>).</summary>
public sealed record PendingComponent(string Component, string Reason);
