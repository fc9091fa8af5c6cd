using DocRag.Core.Hosting;
using DocRag.Server.Hosting;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Options;

namespace DocRag.Server;

/// <summary>Builds and runs DocRag's web host; used by Program and by <c>docrag serve</c>.</summary>
public static class DocRagWebApplication
{
    /// <summary>The address DocRag listens on unless told otherwise: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>
    /// Builds the host: configuration from the usual sources, then <paramref name="overrides"/> (command-line options
    /// of <c>docrag serve</c>); services; the pipeline and routes. Nothing listens until it is run.
    /// </summary>
    private static readonly KeyValuePair<string, string?>[] LoggingDefaults =
    [
        new("Logging:LogLevel:Default", "Information"),
        new("Logging:LogLevel:Microsoft.AspNetCore", "Warning"),
    ];

    public static WebApplication Create(string[] args, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        // The page ships next to the binaries, so it is found whatever the current directory (docrag serve, tests).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = BundledWebRoot() });
        // Lowest priority, so appsettings and the environment still win: the framework's per-request logs would
        // otherwise write every request line (and its query string) at Information.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = LoggingDefaults });
        builder.Configuration.AddInMemoryCollection(DocRagEnvironment.ResolvePaths(null, null));
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        if (!ListenAddresses.AnyConfigured(builder.Configuration))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddDocRag(builder.Configuration);
        builder.Services.AddDocRagServer(builder.Configuration);
        builder.Services.AddServerBackgroundServices();
        // A failing background service (a folder watcher, say) is logged by the host; the API keeps serving.
        builder.Services.Configure<HostOptions>(o => o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore);

        var app = builder.Build();
        app.UseDocRagServer();
        return app;
    }

    /// <summary>
    /// The web page's folder copied to the build output (<c>AppContext.BaseDirectory/wwwroot</c>); null when absent,
    /// which leaves the default (<c>CONTENT_ROOT/wwwroot</c>, or <c>--webroot</c>).
    /// </summary>
    internal static string? BundledWebRoot(string? baseDirectory = null)
    {
        var folder = Path.Combine(baseDirectory ?? AppContext.BaseDirectory, "wwwroot");
        return File.Exists(Path.Combine(folder, "index.html")) ? folder : null;
    }

    /// <summary>
    /// Runs <paramref name="app"/> until it is stopped (Ctrl-C, SIGTERM, <paramref name="cancellationToken"/>), then
    /// disposes it. A bad setting or an address that cannot be bound stops start-up with one line on
    /// <paramref name="error"/> and exit code 1.
    /// </summary>
    public static async Task<int> RunAsync(WebApplication app, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            // Validate before the host starts, so a bad setting is reported before anything binds or logs.
            app.Services.GetService<IStartupValidator>()?.Validate();
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }
        catch (OptionsValidationException ex)
        {
            await WriteFailuresAsync(error, ex.Failures).ConfigureAwait(false);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            await WriteFailuresAsync(error, ex.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex) when (!app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.IsCancellationRequested)
        {
            // A setting that does not convert to its type ("Failed to convert configuration value 'x' at ...").
            await error.WriteLineAsync($"docrag: {ex.Message}").ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            // Kestrel's bind failures ("address already in use") are IOExceptions with a one-line message.
            await error.WriteLineAsync($"docrag: {ex.Message}").ConfigureAwait(false);
        }
        finally
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }

        return 1;
    }

    private static async Task WriteFailuresAsync(TextWriter error, IEnumerable<string> failures)
    {
        foreach (var failure in failures)
        {
            await error.WriteLineAsync($"docrag: {failure}").ConfigureAwait(false);
        }
    }
}
