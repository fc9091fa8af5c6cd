namespace DocRag.Core.Hosting;

/// <summary>A snapshot of <see cref="IReadinessState"/>: the components still pending, oldest first.</summary>
public sealed record ReadinessStatus(IReadOnlyList<PendingComponent> Pending)
{
    public static ReadinessStatus Ready { get; } = new([]);

    public bool IsReady => Pending.Count == 0;

    /// <summary>The reason to show a caller: the oldest pending component's, or <c>ready</c>.</summary>
    public string Reason => Pending.Count == 0 ? "ready" : Pending[0].Reason;
}
