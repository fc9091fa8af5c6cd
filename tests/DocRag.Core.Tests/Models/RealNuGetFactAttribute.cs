using System.Net.Sockets;
using DocRag.Core.Models;

namespace DocRag.Core.Tests.Models;

/// <summary>
/// A fact that needs the real NuGet feed this machine restores from (<see cref="NuGetSources"/>): skipped with a reason
/// when a TCP connection to it cannot be opened within a few seconds, or when the default embedder is already pulled
/// and the feed is not needed (then the test runs on the cached pull).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RealNuGetFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Reason = new(Probe);

    public RealNuGetFactAttribute() => Skip = Reason.Value;

    private static string? Probe()
    {
        if (PulledModels.IsPulled(PulledModels.DefaultEmbedder))
        {
            return null;
        }

        var feed = NuGetSources.Resolve(null);
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            client.ConnectAsync(feed.Host, feed.Port, timeout.Token).AsTask().GetAwaiter().GetResult();
            return null;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return $"the NuGet feed {feed} cannot be reached ({ex.Message}) and the default embedder is not pulled";
        }
    }
}
