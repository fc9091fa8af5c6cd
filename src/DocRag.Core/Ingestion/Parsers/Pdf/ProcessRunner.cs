using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace DocRag.Core.Ingestion.Parsers.Pdf;

/// <summary>
/// Runs a helper tool (pdftotext, pdfinfo, tesseract) as a child process: output capped, killed with its children on
/// cancellation (which is how parse timeouts reach it), never left running.
/// </summary>
internal static class ProcessRunner
{
    private const int MaxErrorChars = 16 * 1024;

    /// <exception cref="ToolMissingException">The executable could not be started.</exception>
    public static async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, long maxOutputBytes, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new ToolMissingException(fileName, ex);
        }

        try
        {
            var errorTask = ReadErrorAsync(process.StandardError, cancellationToken);
            var (output, exceeded) = await ReadOutputAsync(process.StandardOutput.BaseStream, maxOutputBytes, cancellationToken).ConfigureAwait(false);
            if (exceeded)
            {
                Kill(process);
            }

            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            var error = await errorTask.ConfigureAwait(false);
            return new ProcessResult(exceeded ? -1 : process.ExitCode, output, error, exceeded);
        }
        finally
        {
            Kill(process);
        }
    }

    private static async Task<(byte[] Output, bool Exceeded)> ReadOutputAsync(Stream stdout, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await stdout.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return ([], true);
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), false);
    }

    private static async Task<string> ReadErrorAsync(StreamReader stderr, CancellationToken cancellationToken)
    {
        var sb = new StringBuilder();
        var chunk = new char[4096];
        int read;
        while ((read = await stderr.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (sb.Length < MaxErrorChars)
            {
                sb.Append(chunk, 0, Math.Min(read, MaxErrorChars - sb.Length));
            }
        }

        return sb.ToString();
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (Win32Exception)
        {
            // Exiting while we tried; nothing left to stop.
        }
    }
}
