using DocRag.Core.Hosting;
using DocRag.Server.Endpoints;

namespace DocRag.Server;

/// <summary>Builds DocRag's web host; used by Program and by <c>docrag serve</c>.</summary>
public static class DocRagWebApplication
{
    /// <summary>The address DocRag listens on unless told otherwise: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplication Create(string[] args, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddInMemoryCollection(DocRagEnvironment.ResolvePaths(null, null));
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddDocRag(builder.Configuration);
        builder.Services.AddProblemDetails();

        var app = builder.Build();
        app.MapHealth();
        return app;
    }
}
