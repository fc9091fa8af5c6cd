using DocRag.Core.Hosting;
using DocRag.Server.Hosting;
using DocRag.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DocRag.Server.Endpoints;

/// <summary>
/// Gates endpoints that need the models or the index: while <see cref="IReadinessState"/> has pending components they
/// answer 503 <c>not-ready</c> with the reason and <c>Retry-After</c>, without running.
/// </summary>
public static class ReadinessConventions
{
    public static TBuilder RequireReadiness<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddEndpointFilter(static async (context, next) =>
        {
            var services = context.HttpContext.RequestServices;
            var status = services.GetRequiredService<IReadinessState>().Current;
            if (status.IsReady)
            {
                return await next(context).ConfigureAwait(false);
            }

            return NotReady(context.HttpContext, status, services.GetRequiredService<IOptions<ServerOptions>>().Value);
        });
        builder.Add(endpoint => endpoint.Metadata.Add(new ProducesResponseTypeMetadata(
            StatusCodes.Status503ServiceUnavailable, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"])));
        return builder;
    }

    /// <summary>The 503 <c>not-ready</c> problem for <paramref name="status"/>, with <c>Retry-After</c> set.</summary>
    internal static ProblemHttpResult NotReady(HttpContext context, ReadinessStatus status, ServerOptions options)
    {
        context.Response.Headers.RetryAfter = options.NotReadyRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return DocRagProblems.Create(ProblemTypes.NotReady, $"Not ready: {status.Reason}.", new Dictionary<string, object?>
        {
            ["pending"] = status.Pending,
        });
    }
}
