using System.Net;
using DocRag.Server.Problems;

namespace DocRag.Server.Security;

/// <summary>
/// Stops DNS rebinding against a keyless local server: while no API keys are configured (so the API is open to this
/// machine), a request whose <c>Host</c> is not a loopback name (<c>localhost</c>, 127.0.0.0/8, <c>[::1]</c>) is
/// refused with 421 <c>host-not-allowed</c>. A web page on another site that made its name resolve to 127.0.0.1 sends
/// its own name as Host, so it cannot read the API even though the browser thinks it is same-origin.
/// </summary>
internal sealed class LoopbackHostGuardMiddleware(RequestDelegate next, ApiKeyStore keys)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (keys.HasKeys || IsLoopbackHost(context.Request.Host.Host))
        {
            return next(context);
        }

        return DocRagProblems.WriteAsync(context, ProblemTypes.HostNotAllowed).AsTask();
    }

    internal static bool IsLoopbackHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
