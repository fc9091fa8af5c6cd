namespace DocRag.Cli.Tests.Privacy;

/// <summary>A fact that runs <c>docrag</c> in a network namespace; skipped, with the reason, where none can be made.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NetworkNamespaceFactAttribute : FactAttribute
{
    public NetworkNamespaceFactAttribute() => Skip = NetworkNamespace.SkipReason;
}
