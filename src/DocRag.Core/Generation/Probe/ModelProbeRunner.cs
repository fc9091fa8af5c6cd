using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace DocRag.Core.Generation.Probe;

/// <summary>
/// Loads a model in a child process (DocRag.ModelProbe, next to the binaries) so a file that makes llama.cpp abort
/// kills only the child. A crash, signal, timeout or refusal becomes a <see cref="GenerationModelException"/> naming
/// the reason from the child's stderr.
/// </summary>
public sealed partial class ModelProbeRunner(string? probePath = null)
{
    public const string ProbeAssembly = "DocRag.ModelProbe.dll";

    /// <summary>The probe's path: next to the running binaries unless given.</summary>
    public string ProbePath { get; } = probePath ?? Path.Combine(AppContext.BaseDirectory, ProbeAssembly);

    /// <summary>Probes <paramref name="modelPath"/>; returns its facts or throws with the reason it cannot be used.</summary>
    public async Task<ModelProbeFacts> ProbeAsync(string modelPath, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        var full = Path.GetFullPath(modelPath);
        if (!File.Exists(ProbePath))
        {
            throw new GenerationModelException(full, $"The model probe {ProbePath} is missing; rebuild DocRag (it is copied next to the binaries).");
        }

        using var process = new Process { StartInfo = CreateStartInfo(full) };
        process.Start();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutCts.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutCts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            throw new GenerationModelException(full, $"Loading '{Path.GetFileName(full)}' did not finish within {timeout.TotalSeconds:0} s in the probe; the file may be damaged or too large for this machine.");
        }

        var output = await stdout.ConfigureAwait(false);
        var errors = await stderr.ConfigureAwait(false);
        if (process.ExitCode == 0 && TryParse(output, out var facts))
        {
            return facts;
        }

        throw new GenerationModelException(full, Describe(full, process.ExitCode, errors));
    }

    private ProcessStartInfo CreateStartInfo(string modelPath)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            WorkingDirectory = Path.GetDirectoryName(ProbePath)!,
        };
        start.ArgumentList.Add(ProbePath);
        start.ArgumentList.Add(modelPath);
        start.Environment["GGML_NO_BACKTRACE"] = "1"; // an abort would otherwise attach gdb to print a backtrace
        return start;
    }

    /// <summary>The dotnet muxer running this process (the probe is framework-dependent like the rest of DocRag).</summary>
    private static string DotnetHost()
    {
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        var exe = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        // The runtime lives in <root>/shared/Microsoft.NETCore.App/<version>/; the muxer in <root>.
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var candidate = Path.Combine(root, exe);
        return File.Exists(candidate) ? candidate : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? exe;
    }

    private static bool TryParse(string output, out ModelProbeFacts facts)
    {
        facts = null!;
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(l => l.StartsWith('{'));
        if (line is null)
        {
            return false;
        }

        try
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            string? Str(string name) => r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            long Num(string name) => r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : 0;
            facts = new ModelProbeFacts(
                Str("architecture") ?? string.Empty, Str("name"), Str("description") ?? string.Empty, Num("parameters"),
                Num("tensorBytes"), Str("fileType") ?? string.Empty, (int)Num("trainContextSize"), (int)Num("layers"),
                (int)Num("vocabularySize"), Str("vocabularyType") ?? string.Empty, Str("chatTemplate"));
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
