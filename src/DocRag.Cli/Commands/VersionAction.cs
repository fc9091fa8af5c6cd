using System.CommandLine;
using System.CommandLine.Invocation;
using DocRag.Core.Diagnostics;

namespace DocRag.Cli.Commands;

/// <summary><c>docrag --version</c>: DocRag's version and the native runtimes actually loaded, or why not.</summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        var report = RuntimeReport.Collect();
        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine($"docrag {report.Version}");
        Write(output, report.OnnxRuntime);
        Write(output, report.LlamaCpp);
        return 0;
    }

    private static void Write(TextWriter output, NativeComponentStatus status) =>
        output.WriteLine(status.Loaded
            ? $"{status.Name} {status.PinnedVersion}: {status.Detail}"
            : $"{status.Name} {status.PinnedVersion}: not loaded: {status.Detail}");
}
