using System.CommandLine;
using DocRag.Core.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DocRag.Cli.Commands;

/// <summary>Builds the services a command needs from the same composition root as the server, honouring --data/--models.</summary>
internal static class CliServices
{
    public static ServiceProvider Build(ParseResult parseResult, GlobalOptions global)
    {
        var configuration = Configuration(parseResult, global);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Error));
        services.AddDocRag(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    /// <summary>The configuration every command reads: appsettings.json, environment, then --data/--models.</summary>
    public static IConfigurationRoot Configuration(ParseResult parseResult, GlobalOptions global) => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .AddInMemoryCollection(DocRagEnvironment.ResolvePaths(parseResult.GetValue(global.Data), parseResult.GetValue(global.Models)))
        .Build();
}
