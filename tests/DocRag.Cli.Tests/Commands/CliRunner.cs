using System.CommandLine;
using DocRag.Cli.Commands;

namespace DocRag.Cli.Tests.Commands;

/// <summary>Runs the real <c>docrag</c> command tree in process, capturing stdout and stderr.</summary>
internal static class CliRunner
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await DocRagCommandLine.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
