using System.Globalization;

namespace DocRag.Bench;

/// <summary>Reads <c>--name value</c> options of a benchmark run.</summary>
internal sealed class BenchArgs(IReadOnlyList<string> args)
{
    public string? Get(string name)
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

    public int GetInt(string name, int fallback) =>
        Get(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public bool Has(string name) => args.Contains(name);
}
