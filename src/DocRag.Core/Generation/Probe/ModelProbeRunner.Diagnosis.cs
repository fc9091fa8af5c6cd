using System.Text.RegularExpressions;

namespace DocRag.Core.Generation.Probe;

/// <summary>Turns the probe's exit code and stderr into one line a user can act on.</summary>
public sealed partial class ModelProbeRunner
{
    internal static string Describe(string modelPath, int exitCode, string stderr)
    {
        var name = Path.GetFileName(modelPath);
        var reason = Reason(stderr);
        return exitCode switch
        {
            2 => $"llama.cpp refused '{name}': {reason}",
            > 128 and < 160 => $"llama.cpp crashed loading '{name}' ({SignalName(exitCode - 128)}): {reason}",
            _ when exitCode < 0 => $"llama.cpp crashed loading '{name}' (signal {-exitCode}): {reason}",
            _ => $"The model probe failed on '{name}' (exit code {exitCode}): {reason}",
        };
    }

    /// <summary>The most telling stderr line: a ggml assertion, then our own "error:" line, then the last line.</summary>
    internal static string Reason(string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = lines.Length - 1; i >= 0; i--)
        {
            if (AssertPattern().Match(lines[i]) is { Success: true } match)
            {
                return $"{match.Groups["what"].Value} ({match.Groups["file"].Value})";
            }
        }

        var error = lines.LastOrDefault(l => l.StartsWith("error: ", StringComparison.Ordinal));
        if (error is not null)
        {
            return StripPrefix(error["error: ".Length..]);
        }

        var llama = lines.LastOrDefault(l => l.StartsWith("llama.cpp: ", StringComparison.Ordinal));
        return llama is not null ? llama["llama.cpp: ".Length..] : lines.LastOrDefault() ?? "no message";
    }

    // Our probe's own message repeats the path; llama.cpp's reason after it is what matters.
    private static string StripPrefix(string message)
    {
        var at = message.IndexOf("': ", StringComparison.Ordinal);
        return message.StartsWith("llama.cpp could not load '", StringComparison.Ordinal) && at > 0 ? message[(at + 3)..] : message;
    }

    private static string SignalName(int signal) => signal switch
    {
        6 => "SIGABRT",
        4 => "SIGILL",
        7 => "SIGBUS",
        8 => "SIGFPE",
        9 => "SIGKILL, out of memory?",
        11 => "SIGSEGV",
        _ => $"signal {signal}",
    };

    [GeneratedRegex(@"(?<file>[\w.-]+\.(?:c|cpp|h)):\d+: (?<what>GGML_ASSERT\(.*\) failed|.*)$")]
    private static partial Regex AssertPattern();
}
