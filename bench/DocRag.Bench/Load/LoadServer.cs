using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using DocRag.TestSupport;

namespace DocRag.Bench.Load;

/// <summary>
/// The built <c>docrag serve</c> as a child process on a free 127.0.0.1 port, over a fresh data folder, indexing and
/// watching one folder. A separate process, so its memory is the server's alone and the clients do not share its heap.
/// </summary>
internal sealed class LoadServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _data;
    private readonly StringBuilder _output = new();

    private LoadServer(Process process, string data, Uri address)
    {
        _process = process;
        _data = data;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    /// <summary>For the harness's own calls (status, metrics); the load clients have their own.</summary>
    public HttpClient Client { get; }

    public static LoadServer Start(LoadSettings settings)
    {
        if (!File.Exists(settings.DocRag))
        {
            throw new FileNotFoundException($"{settings.DocRag} not found; build it first: dotnet build src/DocRag.Cli -c Release");
        }

        var data = Directory.CreateTempSubdirectory("docrag-load-").FullName;
        var port = LoopbackPort.Free();
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { settings.DocRag, "--data", data, "serve", "--urls", $"http://127.0.0.1:{port}", "--docs", settings.Docs })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DocRag__Embedding__Model"] = "none";
        info.Environment["DocRag__Generation__Model"] = settings.Model ?? "none";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        if (settings.Threads > 0)
        {
            info.Environment["DocRag__Generation__Threads"] = settings.Threads.ToString(CultureInfo.InvariantCulture);
        }

        if (settings.ContextSize > 0)
        {
            info.Environment["DocRag__Generation__ContextSize"] = settings.ContextSize.ToString(CultureInfo.InvariantCulture);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start docrag serve");
        var server = new LoadServer(process, data, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"));
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Waits until <c>/ready</c> answers 200 and the first sync of the folder has finished; returns the index counts.</summary>
    public async Task<string> WaitIndexedAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var ready = await Client.GetAsync(new Uri("/ready", UriKind.Relative), cancellationToken).ConfigureAwait(false);
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    using var status = JsonDocument.Parse(await Client.GetStringAsync(new Uri("/v1/index/status", UriKind.Relative), cancellationToken).ConfigureAwait(false));
                    var root = status.RootElement;
                    if (root.GetProperty("state").GetString() == "idle" && root.GetProperty("lastRun").ValueKind == JsonValueKind.Object)
                    {
                        return root.GetProperty("counts").ToString();
                    }
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }

        throw new InvalidOperationException($"the server did not finish indexing ({(_process.HasExited ? "it exited" : "5 min")}):\n{Output}");
    }

    /// <summary>VmRSS of the server process (/proc), and its managed heap as its /metrics reports it.</summary>
    public async Task<(long WorkingSet, long? GcHeap)> ReadMemoryAsync(CancellationToken cancellationToken)
    {
        var rss = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var workingSet = long.Parse(rss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        var metrics = await Client.GetStringAsync(new Uri("/metrics", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        var heap = metrics.Split('\n').FirstOrDefault(l => l.StartsWith("docrag_gc_heap_size_bytes ", StringComparison.Ordinal));
        return (workingSet, heap is null ? null : (long)double.Parse(heap.Split(' ')[1], CultureInfo.InvariantCulture));
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
        _process.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
