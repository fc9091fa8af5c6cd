namespace DocRag.Core.Hosting;

/// <summary>
/// Whether DocRag can serve requests that need its models and index. Components that load something slow mark
/// themselves not ready before they start (ideally when registered, so there is no ready window before loading)
/// and ready when done; the server answers <c>GET /ready</c> and readiness-gated endpoints with 503 until all are.
/// </summary>
public interface IReadinessState
{
    /// <summary>True when no component is pending.</summary>
    bool IsReady { get; }

    /// <summary>A consistent snapshot: ready or not, and what is pending, oldest first.</summary>
    ReadinessStatus Current { get; }

    /// <summary>Marks <paramref name="component"/> not ready; a second call replaces its reason.</summary>
    /// <param name="component">A stable component name, for example <c>embedder</c>.</param>
    /// <param name="reason">What it is doing, shown to callers, for example <c>loading embedding model</c>.</param>
    void SetNotReady(string component, string reason);

    /// <summary>Marks <paramref name="component"/> ready (a no-op when it was not pending).</summary>
    void SetReady(string component);
}
