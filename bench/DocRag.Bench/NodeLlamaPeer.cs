using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace DocRag.Bench;

/// <summary>
/// node-llama-cpp running peers/node-llama-cpp/generation-peer.mjs in a child process, kept alive across rounds so its model loads once.
/// Install it once with <c>cd bench/DocRag.Bench/peers/node-llama-cpp &amp;&amp; npm install --ignore-scripts</c>.
/// </summary>
internal sealed class NodeLlamaPeer : IAsyncDisposable
{
    private readonly Process _process;

    private NodeLlamaPeer(Process process) => _process = process;

    public static async Task<NodeLlamaPeer> StartAsync(string modelPath, GenerationBenchmarkSettings settings, CancellationToken cancellationToken)
    {
        var script = FindScript();
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(script)!,
        };
        foreach (var a in new[]
        {
            script, "--model", Path.GetFullPath(modelPath), "--threads", Str(settings.Threads), "--ctx", Str(settings.ContextSize), "--batch", Str(settings.BatchSize),
        })
        {
            start.ArgumentList.Add(a);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started");
        var peer = new NodeLlamaPeer(process);
        var ready = await peer.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"peer:    node-llama-cpp {ready}");
        return peer;
    }

    public async Task<GenerationMeasurement> RunAsync(string op, string text, int tokens, CancellationToken cancellationToken)
    {
        var request = JsonSerializer.Serialize(new Dictionary<string, object> { ["op"] = op, ["text"] = text, ["n"] = tokens });
        await _process.StandardInput.WriteLineAsync(request.AsMemory(), cancellationToken).ConfigureAwait(false);
        await _process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
        using var reply = JsonDocument.Parse(await ReadLineAsync(cancellationToken).ConfigureAwait(false));
        var r = reply.RootElement;
        return new GenerationMeasurement(r.GetProperty("promptTokens").GetInt32(), r.GetProperty("outputTokens").GetInt32(), r.GetProperty("ms").GetDouble());
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _process.StandardInput.WriteLineAsync("{\"op\":\"quit\"}").ConfigureAwait(false);
            await _process.StandardInput.FlushAsync().ConfigureAwait(false);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken) =>
        await _process.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"node-llama-cpp exited (code {(_process.HasExited ? _process.ExitCode : -1)}); see its stderr above");

    private static string FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var script = Path.Combine(dir.FullName, "bench", "DocRag.Bench", "peers", "node-llama-cpp", "generation-peer.mjs");
            if (File.Exists(script))
            {
                if (!Directory.Exists(Path.Combine(Path.GetDirectoryName(script)!, "node_modules", "node-llama-cpp")))
                {
                    throw new InvalidOperationException($"node-llama-cpp is not installed: cd {Path.GetDirectoryName(script)} && npm install --ignore-scripts");
                }

                return script;
            }
        }

        throw new FileNotFoundException("bench/DocRag.Bench/peers/node-llama-cpp/generation-peer.mjs not found above " + AppContext.BaseDirectory);
    }

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);
}
