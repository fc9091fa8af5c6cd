using System.Globalization;

namespace DocRag.Bench;

/// <summary>Reads <c>--name value</c> options of a benchmark run.</summary>
internal sealed class BenchArgs(IReadOnlyList<string> args)
{
    public string? Get(string name) => Value(args, name);

    public int GetInt(string name, int fallback) =>
        Get(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public bool Has(string name) => args.Contains(name);

    public static string? Value(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == name)
            {
                return args[i + 1];
            }
        }

        return null;
    }

    /// <summary>The shared docs folder: <c>--docs PATH</c>, else $DOCRAG_TEST_DATA/docs.</summary>
    public static string? DocsFolder(IReadOnlyList<string> args) =>
        Value(args, "--docs") ?? (Environment.GetEnvironmentVariable("DOCRAG_TEST_DATA") is { Length: > 0 } data ? Path.Combine(data, "docs") : null);
}
