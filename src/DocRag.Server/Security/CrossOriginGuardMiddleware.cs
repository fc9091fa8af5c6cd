using DocRag.Server.Hosting;
using DocRag.Server.Problems;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DocRag.Server.Security;

/// <summary>
/// Refuses state-changing requests (POST, PUT, PATCH, DELETE) that a browser sent from another origin, unless that
/// origin is in <c>Cors:AllowedOrigins</c>: 403 <c>cross-origin-forbidden</c>. CORS alone does not stop "simple"
/// requests (an HTML form posting multipart/form-data needs no preflight), which on a keyless local server would let
/// any web page upload into the index. Requests without an <c>Origin</c> header (curl, SDKs) are not affected.
/// </summary>
internal sealed class CrossOriginGuardMiddleware(RequestDelegate next, IOptions<ServerOptions> options)
{
    private readonly HashSet<string> _allowed = new(
        options.Value.Cors.AllowedOrigins.Select(o => new Uri(o).GetLeftPart(UriPartial.Authority)), StringComparer.OrdinalIgnoreCase);

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var origin = request.Headers[HeaderNames.Origin].ToString();
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || origin.Length == 0 || IsSameOrigin(request, origin) || _allowed.Contains(origin))
        {
            return next(context);
        }

        return DocRagProblems.WriteAsync(context, ProblemTypes.CrossOriginForbidden).AsTask();
    }

    private static bool IsSameOrigin(HttpRequest request, string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
}
