using System.Threading.RateLimiting;
using DocRag.Server.Hosting;
using DocRag.Server.Problems;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace DocRag.Server.Security;

/// <summary>
/// Per-caller rate limits on the API: a fixed one-minute window per API key (its own <c>RequestsPerMinute</c>, else
/// <c>DefaultRequestsPerMinute</c>), and per client address for callers without a key. Refusals are 429
/// <c>rate-limited</c> ProblemDetails with <c>Retry-After</c>.
/// </summary>
public static class ApiRateLimits
{
    /// <summary>The rate limiter policy on the <c>/v1</c> group.</summary>
    public const string Policy = "DocRagApi";

    public static IServiceCollection AddApiRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Policy, Partition);
            limiter.OnRejected = OnRejectedAsync;
        });
        return services;
    }

    internal static RateLimitPartition<string> Partition(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<ServerOptions>>().Value;
        var identity = context.User.Identity;
        string partition;
        int perMinute;
        if (identity is { IsAuthenticated: true, AuthenticationType: ApiKeyDefaults.Scheme, Name: { } name })
        {
            var key = context.RequestServices.GetRequiredService<ApiKeyStore>().FindByName(name);
            partition = "key:" + name;
            perMinute = key?.RequestsPerMinute ?? options.DefaultRequestsPerMinute;
        }
        else
        {
            partition = "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            perMinute = options.DefaultRequestsPerMinute;
        }

        return perMinute <= 0
            ? RateLimitPartition.GetNoLimiter(partition)
            : RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = perMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var http = context.HttpContext;
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiRateLimits));
        Log.RateLimited(logger, http.User.Identity?.Name ?? "(no key)", DocRagProblems.RetryAfterSeconds(retryAfter));
        await DocRagProblems.WriteAsync(http, ProblemTypes.RateLimited,
            $"Too many requests for this API key (or address); retry after {DocRagProblems.RetryAfterSeconds(retryAfter)} seconds.",
            retryAfter).ConfigureAwait(false);
    }
}
