using System.CommandLine;
using System.Runtime.InteropServices;
using DocRag.Cli.Commands;

// Ctrl-C / SIGTERM cancel the running command, which then stops cleanly (an index run between documents); a second
// signal ends the process at once. System.CommandLine's own handler would return before the command has stopped.
using var stop = new CancellationTokenSource();
void OnSignal(PosixSignalContext context)
{
    context.Cancel = !stop.IsCancellationRequested;
    stop.Cancel();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
var configuration = new InvocationConfiguration { ProcessTerminationTimeout = null };
return await DocRagCommandLine.Create().Parse(args).InvokeAsync(configuration, stop.Token).ConfigureAwait(false);
