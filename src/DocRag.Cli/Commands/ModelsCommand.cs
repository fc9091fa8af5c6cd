using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;

namespace DocRag.Cli.Commands;

/// <summary><c>docrag models list | pull NAME | verify [NAME]</c>: the recommended models and the models folder.</summary>
internal static class ModelsCommand
{
    /// <param name="global">The root's <c>--data</c> / <c>--models</c> options.</param>
    /// <param name="configureServices">Lets a host (or a test) adjust the services after <c>AddDocRag</c>.</param>
    public static Command Create(GlobalOptions global, Action<IServiceCollection>? configureServices = null)
    {
        var context = new ModelsCommandContext(global, configureServices);
        var command = new Command("models", "List, download and verify the recommended local models");
        command.Subcommands.Add(ModelsListCommand.Create(context));
        command.Subcommands.Add(ModelsPullCommand.Create(context));
        command.Subcommands.Add(ModelsVerifyCommand.Create(context));
        return command;
    }
}
