using DocRag.Core.Hosting;
using DocRag.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DocRag.Server.Tests;

/// <summary>The product's own entry point (<c>Program</c>) in memory, with extra settings.</summary>
internal sealed class DocRagFactory : WebApplicationFactory<Program>
{
    private readonly IDictionary<string, string?> _settings;
    private readonly TempDirectory _data = new("docrag-factory");

    public DocRagFactory(IDictionary<string, string?>? settings = null) => _settings = settings ?? new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(DocRagEnvironment.DataKey, _data.Path);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _data.Dispose();
        }
    }
}
