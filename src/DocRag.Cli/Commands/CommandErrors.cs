using System.CommandLine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace DocRag.Cli.Commands;

/// <summary>Runs a command body and turns expected failures into one clear line on stderr and a non-zero exit.</summary>
internal static class CommandErrors
{
    public const int Failed = 1;
    public const int Cancelled = 130;

    public static async Task<int> RunAsync(ParseResult parseResult, Func<Task<int>> body)
    {
        var error = parseResult.InvocationConfiguration.Error;
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("stopped; run the same command again to resume").ConfigureAwait(false);
            return Cancelled;
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or FileNotFoundException or UnauthorizedAccessException or IOException
            or OptionsValidationException or SqliteException or InvalidOperationException or ArgumentException)
        {
            await error.WriteLineAsync($"error: {OneLine(ex)}").ConfigureAwait(false);
            return Failed;
        }
    }

    private static string OneLine(Exception ex) => ex switch
    {
        OptionsValidationException options => string.Join("; ", options.Failures),
        SqliteException sqlite => $"the index database cannot be used ({sqlite.Message.ReplaceLineEndings(" ")})",
        _ => ex.Message.ReplaceLineEndings(" "),
    };
}
