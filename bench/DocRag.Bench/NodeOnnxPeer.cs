using System.Diagnostics;
using System.Text.Json;

namespace DocRag.Bench;

/// <summary>Runs a node script of bench/node-onnx (installing its packages on first use) and returns its JSON output.</summary>
internal static class NodeOnnxPeer
{
    public static string Directory => Path.Combine(RepoPaths.Root, "bench", "node-onnx");

    public static async Task<JsonDocument> RunAsync(string script, IEnumerable<string> args, CancellationToken cancellationToken)
    {
        if (!System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "onnxruntime-node")))
        {
            await ExecAsync("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund"], cancellationToken).ConfigureAwait(false);
        }

        var output = await ExecAsync("node", [script, .. args], cancellationToken).ConfigureAwait(false);
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
        return JsonDocument.Parse(last);
    }

    private static async Task<string> ExecAsync(string file, IEnumerable<string> args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = Directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} could not be started");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', start.ArgumentList)} failed ({process.ExitCode}): {await stderr.ConfigureAwait(false)}");
        }

        return await stdout.ConfigureAwait(false);
    }
}
