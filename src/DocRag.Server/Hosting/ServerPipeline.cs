using DocRag.Core.Diagnostics;
using DocRag.Server.Endpoints;
using DocRag.Server.Metrics;
using DocRag.Server.Security;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace DocRag.Server.Hosting;

/// <summary>The HTTP pipeline, in order, and the routes.</summary>
public static class ServerPipeline
{
    public static WebApplication UseDocRagServer(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Started now so requests are counted from the first one, and DocRag's meter exists even before a component uses it.
        _ = app.Services.GetRequiredService<PrometheusExporter>();
        _ = app.Services.GetRequiredService<DocRagMetrics>();

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<LoopbackHostGuardMiddleware>();
        if (app.Environment.WebRootFileProvider is not NullFileProvider)
        {
            // The web page loads without a key; the API it calls needs one.
            app.UseDefaultFiles();
            app.UseStaticFiles();
        }

        app.UseRouting();
        app.UseCors();
        app.UseMiddleware<CrossOriginGuardMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseMiddleware<RequestBodyLimitMiddleware>();

        app.MapHealth();
        app.MapReadiness();
        app.MapMetrics();
        app.MapOpenApi();
        app.MapDocRagApi();

        app.Lifetime.ApplicationStarted.Register(() => LogAccess(app));
        return app;
    }

    private static void LogAccess(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ServerOptions>>().Value;
        var keys = app.Services.GetRequiredService<ApiKeyStore>();
        var origins = options.Cors.AllowedOrigins.Count == 0 ? "none (CORS off)" : string.Join(", ", options.Cors.AllowedOrigins);
        Log.AccessConfigured(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("DocRag.Server"), keys.Count, origins);
    }
}
