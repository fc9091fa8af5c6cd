using System.Globalization;
using System.Text;

namespace DocRag.Server.Tests.Metrics;

/// <summary>A strict reader of the Prometheus text format 0.0.4, to check what /metrics writes by reading it back.</summary>
internal static class PrometheusText
{
    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    public sealed record Family(string Name, string Help, string Type, List<Sample> Samples);

    public static Dictionary<string, Family> Parse(string text)
    {
        var families = new Dictionary<string, Family>(StringComparer.Ordinal);
        string? help = null, helpName = null;
        Family? current = null;
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                var rest = line[7..];
                helpName = rest[..rest.IndexOf(' ', StringComparison.Ordinal)];
                help = Unescape(rest[(helpName.Length + 1)..], label: false);
            }
            else if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line[7..].Split(' ');
                Assert.Equal(helpName, parts[0]);
                Assert.Contains(parts[1], new[] { "counter", "gauge", "histogram" });
                current = new Family(parts[0], help!, parts[1], []);
                Assert.True(families.TryAdd(current.Name, current), $"family {current.Name} written twice");
            }
            else
            {
                Assert.False(line.StartsWith('#'), $"unexpected comment: {line}");
                var sample = ParseSample(line);
                Assert.NotNull(current);
                Assert.StartsWith(current.Name, sample.Name, StringComparison.Ordinal);
                current.Samples.Add(sample);
            }
        }

        return families;
    }

    private static Sample ParseSample(string line)
    {
        var index = 0;
        while (index < line.Length && (char.IsAsciiLetterOrDigit(line[index]) || line[index] is '_' or ':'))
        {
            index++;
        }

        var name = line[..index];
        Assert.Matches("^[a-zA-Z_:][a-zA-Z0-9_:]*$", name);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (line[index] == '{')
        {
            index++;
            while (line[index] != '}')
            {
                var equals = line.IndexOf('=', index);
                var label = line[index..equals];
                Assert.Matches("^[a-zA-Z_][a-zA-Z0-9_]*$", label);
                Assert.Equal('"', line[equals + 1]);
                var value = new StringBuilder();
                var i = equals + 2;
                for (; line[i] != '"'; i++)
                {
                    value.Append(line[i]);
                    if (line[i] == '\\')
                    {
                        value.Append(line[++i]);
                    }
                }

                labels.Add(label, Unescape(value.ToString(), label: true));
                index = i + 1;
                if (line[index] == ',')
                {
                    index++;
                }
            }

            index++;
        }

        Assert.Equal(' ', line[index]);
        var number = line[(index + 1)..];
        var parsed = number switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" => double.NaN,
            _ => double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        return new Sample(name, labels, parsed);
    }

    private static string Unescape(string value, bool label)
    {
        var result = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\')
            {
                Assert.False(label && value[i] == '"', "unescaped quote in a label value");
                result.Append(value[i]);
                continue;
            }

            result.Append(value[++i] switch
            {
                'n' => '\n',
                '\\' => '\\',
                '"' when label => '"',
                var other => throw new FormatException($"bad escape \\{other}"),
            });
        }

        return result.ToString();
    }
}
