using DocRag.Core.Diagnostics;
using DocRag.Server.Metrics;
using DocRag.Server.OpenApi;
using DocRag.Server.Problems;
using DocRag.Server.Security;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DocRag.Server.Hosting;

/// <summary>Registers the HTTP host's services: options, API keys, problems, limits, CORS, metrics and OpenAPI.</summary>
public static class ServerServiceCollectionExtensions
{
    public static IServiceCollection AddDocRagServer(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ServerOptions>().Bind(configuration.GetSection(ServerOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServerOptions>>(new ServerOptionsValidator(configuration));
        services.TryAddSingleton(sp => ApiKeyStore.FromOptions(sp.GetRequiredService<IOptions<ServerOptions>>().Value, configuration));

        // Ours first, so every problem is written the same way whatever the Accept header says.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProblemDetailsWriter, DocRagProblemDetailsWriter>());
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Minimal APIs then throw for bad requests, so the exception handler can say what was wrong (the JSON position).
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // Data annotations on endpoint parameters and request types become 400 validation-failed problems.
        services.AddValidation();

        // Body limits are set per request by RequestBodyLimitMiddleware (before anything reads a body); the form
        // reader's own limit must never be the lower one. Nothing here may read ServerOptions while the host is built:
        // that would validate them before start-up can report a bad setting as one line.
        services.AddOptions<FormOptions>().Configure<IOptions<ServerOptions>>(
            (form, server) => form.MultipartBodyLengthLimit = server.Value.MaxUploadBytes);

        // The core only: AddAuthentication would also add Data Protection, which writes a key ring to the profile.
        services.AddAuthenticationCore(auth =>
        {
            auth.DefaultScheme = ApiKeyDefaults.Scheme;
            auth.AddScheme<ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, displayName: null);
        });
        services.AddWebEncoders();
        services.TryAddTransient<ApiKeyAuthenticationHandler>();
        services.AddAuthorizationBuilder().AddPolicy(ApiKeyDefaults.Policy, policy => policy
            .AddAuthenticationSchemes(ApiKeyDefaults.Scheme)
            .AddRequirements(new ApiKeyRequirement()));
        services.AddApiRateLimits();

        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<ServerOptions>>((cors, server) => ConfigureCors(cors, server.Value.Cors));

        services.TryAddSingleton<PrometheusExporter>();
        services.AddOpenApi("v1", openApi =>
        {
            openApi.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "DocRag API";
                document.Info.Version = RuntimeReport.DocRagVersion;
                return Task.CompletedTask;
            });
            openApi.AddDocumentTransformer<BearerSecuritySchemeTransformer>();
            openApi.AddOperationTransformer<BearerSecuritySchemeTransformer>();
        });
        return services;
    }

    // No origins, no policy: the CORS middleware then adds no headers and browsers keep other origins out.
    private static void ConfigureCors(CorsOptions cors, ServerCorsOptions options)
    {
        if (options.AllowedOrigins.Count == 0)
        {
            return;
        }

        var origins = options.AllowedOrigins.Select(o => new Uri(o).GetLeftPart(UriPartial.Authority)).ToArray();
        cors.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .WithMethods(HttpMethods.Get, HttpMethods.Post, HttpMethods.Delete)
            .WithHeaders("Authorization", "Content-Type", ApiKeyDefaults.HeaderName)
            .WithExposedHeaders("Retry-After", "WWW-Authenticate"));
    }
}
