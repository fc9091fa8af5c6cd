using DocRag.Server.Hosting;

namespace DocRag.Server.Security;

/// <summary>Reads the configured API keys: <c>DocRag:Server:ApiKeys</c> plus the <c>DOCRAG_API_KEYS</c> variable.</summary>
public static class ApiKeySources
{
    /// <summary>All configured keys, in order; entries of the variable that cannot be parsed go to <paramref name="errors"/>.</summary>
    public static IReadOnlyList<ConfiguredApiKey> Read(ServerOptions options, IConfiguration configuration, ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(errors);
        var keys = new List<ConfiguredApiKey>();
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var key = options.ApiKeys[i];
            keys.Add(new($"{ServerOptions.SectionName}:ApiKeys:{i}", key.Name?.Trim() ?? "", key.Key ?? "",
                [.. key.Collections.Select(c => c?.Trim() ?? "")], key.RequestsPerMinute));
        }

        keys.AddRange(ParseVariable(configuration[ServerOptions.ApiKeysVariable], errors));
        return keys;
    }

    /// <summary>Parses <c>name:key,name2:key2</c>; the key is everything after the first colon.</summary>
    public static IReadOnlyList<ConfiguredApiKey> ParseVariable(string? value, ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        var keys = new List<ConfiguredApiKey>();
        var entries = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < entries.Length; i++)
        {
            var setting = $"{ServerOptions.ApiKeysVariable} entry {i + 1}";
            var colon = entries[i].IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == entries[i].Length - 1)
            {
                // Never echo the entry: it may be a bare key.
                errors.Add($"{setting} must be NAME:KEY (entries separated by commas).");
                continue;
            }

            keys.Add(new(setting, entries[i][..colon].Trim(), entries[i][(colon + 1)..].Trim(), [], null));
        }

        return keys;
    }
}
