using DocRag.Core.Hosting;
using DocRag.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DocRag.Server.Endpoints;

/// <summary><c>GET /ready</c>: 200 when the models and index are loaded, else 503 <c>not-ready</c> with what is pending.</summary>
public static class ReadinessEndpoints
{
    public static IEndpointRouteBuilder MapReadiness(this IEndpointRouteBuilder app)
    {
        app.MapGet("/ready", GetReady).WithName("GetReady").WithTags("Health")
            .WithSummary("Whether the server can answer: 503 with the reason while models or the index load.");
        return app;
    }

    private static Results<Ok<ReadinessResponse>, ProblemHttpResult> GetReady(HttpContext context, IReadinessState readiness, IOptions<ServerOptions> options)
    {
        var status = readiness.Current;
        return status.IsReady
            ? TypedResults.Ok(new ReadinessResponse("ready"))
            : ReadinessConventions.NotReady(context, status, options.Value);
    }
}
