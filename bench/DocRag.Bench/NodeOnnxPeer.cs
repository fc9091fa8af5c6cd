using System.Diagnostics;
using System.Text.Json;

namespace DocRag.Bench;

/// <summary>
/// A long-lived node process running a script of bench/node-onnx in serve mode: one batch per request, so the
/// benchmark can interleave its batches with DocRag's. Installs the script's packages on first use.
/// </summary>
internal sealed class NodeOnnxPeer : IDisposable
{
    private readonly Process _process;

    private NodeOnnxPeer(Process process) => _process = process;

    public static string Directory => Path.Combine(RepoPaths.Root, "bench", "node-onnx");

    public static async Task<NodeOnnxPeer> StartAsync(string script, IEnumerable<string> args, CancellationToken cancellationToken)
    {
        if (!System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "onnxruntime-node")))
        {
            using var npm = Process.Start(new ProcessStartInfo("npm", "ci --ignore-scripts --no-audit --no-fund") { WorkingDirectory = Directory })
                ?? throw new InvalidOperationException("npm could not be started");
            await npm.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (npm.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm ci in {Directory} failed ({npm.ExitCode})");
            }
        }

        var start = new ProcessStartInfo("node") { WorkingDirectory = Directory, RedirectStandardInput = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add("--serve");
        return new NodeOnnxPeer(Process.Start(start) ?? throw new InvalidOperationException("node could not be started"));
    }

    /// <summary>Runs one batch in node; returns node's own timing of it and the first vector.</summary>
    public async Task<(double Ms, float[] FirstVector)> RunBatchAsync(CancellationToken cancellationToken)
    {
        await _process.StandardInput.WriteLineAsync("run".AsMemory(), cancellationToken).ConfigureAwait(false);
        await _process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
        var line = await _process.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("the node peer exited");
        using var json = JsonDocument.Parse(line);
        var vector = json.RootElement.GetProperty("firstVector").EnumerateArray().Select(e => e.GetSingle()).ToArray();
        return (json.RootElement.GetProperty("ms").GetDouble(), vector);
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.WriteLine("quit");
            _process.StandardInput.Flush();
            if (!_process.WaitForExit(5000))
            {
                _process.Kill();
            }
        }
        catch (IOException)
        {
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }
}
