using System.Diagnostics;

namespace DocRag.Cli.Tests.Privacy;

/// <summary>
/// Runs the built <c>docrag</c> inside a new network namespace (<c>unshare -n</c>): its only interface is a loopback
/// that is down, so any connection to another machine fails with "network unreachable".
/// </summary>
internal static class NetworkNamespace
{
    private static readonly Lazy<string[]?> UnshareCommand = new(Probe);

    /// <summary>Why namespace tests cannot run here, or null when they can.</summary>
    public static string? SkipReason => UnshareCommand.Value is null
        ? "cannot create a network namespace here (unshare -n and unshare -rn both failed: not root, or user namespaces are off)"
        : null;

    public static async Task<ProcessRun> RunDocRagAsync(IReadOnlyList<string> arguments, IDictionary<string, string>? environment = null)
    {
        var command = UnshareCommand.Value ?? throw new InvalidOperationException(SkipReason);
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var info = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in command.Skip(1).Concat([dotnet, Path.Combine(AppContext.BaseDirectory, "docrag.dll")]).Concat(arguments))
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return await RunAsync(info);
    }

    private static async Task<ProcessRun> RunAsync(ProcessStartInfo info)
    {
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new ProcessRun(process.ExitCode, await output, await error);
    }

    private static string[]? Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        foreach (var command in new[] { new[] { "unshare", "-n" }, ["unshare", "-rn"] })
        {
            try
            {
                var info = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (var argument in command.Skip(1).Append("true"))
                {
                    info.ArgumentList.Add(argument);
                }

                if (RunAsync(info).GetAwaiter().GetResult().ExitCode == 0)
                {
                    return command;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return null; // no unshare at all
            }
        }

        return null;
    }
}
