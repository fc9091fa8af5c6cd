using DocRag.Core.Retrieval;

namespace DocRag.Core.Evaluation;

/// <summary>
/// One side of an evaluation: the search mode and configuration values layered over the user's configuration, so a
/// run can try another field weight, chunk size or embedding model without touching appsettings. Written as
/// <c>key=value</c> pairs joined with <c>+</c> (<see cref="Parse"/>): <c>mode=hybrid+titleWeight=2</c>.
/// </summary>
/// <param name="Label">How reports name this side (the text it was parsed from, or <c>default</c>).</param>
/// <param name="Mode">The search mode; null for the product's default (hybrid when an embedding model loads, else keyword).</param>
/// <param name="Configuration">Full configuration keys (<c>DocRag:Retrieval:TitleWeight</c>) and their values.</param>
public sealed record EvaluationSettings(string Label, SearchMode? Mode, IReadOnlyDictionary<string, string?> Configuration)
{
    public const string ModeKey = "mode";

    /// <summary>The product's own settings in <paramref name="mode"/> (null: the product's default mode).</summary>
    public static EvaluationSettings Default(SearchMode? mode = null) => new("default", mode, new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase));

    /// <summary>True when the side changes how documents are chunked or embedded (so it needs its own scratch index).</summary>
    public bool ChangesIndexing => Configuration.Keys.Any(k =>
        k.StartsWith(SettingKeys.IngestionPrefix, StringComparison.OrdinalIgnoreCase) || k.StartsWith(SettingKeys.EmbeddingPrefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Parses <c>key=value</c> pairs joined by <c>+</c> over <paramref name="baseline"/>. A key is <c>mode</c>
    /// (keyword, vector, hybrid or auto), a property of a DocRag options class (<c>titleWeight</c>, <c>chunkTokens</c>; the
    /// section is found by name, and an ambiguous one must be written <c>Embedding:Model</c>), or a full key.
    /// </summary>
    /// <exception cref="ArgumentException">A pair without '=', an unknown or ambiguous key, or an unknown mode.</exception>
    public static EvaluationSettings Parse(string text, EvaluationSettings baseline)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentNullException.ThrowIfNull(baseline);
        var settings = baseline.With(text.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return settings with { Label = text.Trim() };
    }

    /// <summary>These settings with <paramref name="assignments"/> (<c>key=value</c> each) applied on top.</summary>
    public EvaluationSettings With(IEnumerable<string> assignments)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        var mode = Mode;
        var configuration = new Dictionary<string, string?>(Configuration, StringComparer.OrdinalIgnoreCase);
        foreach (var assignment in assignments)
        {
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ArgumentException($"'{assignment}' is not a setting: write key=value, e.g. mode=hybrid or titleWeight=2");
            }

            var key = assignment[..equals].Trim();
            var value = assignment[(equals + 1)..].Trim();
            if (string.Equals(key, ModeKey, StringComparison.OrdinalIgnoreCase))
            {
                mode = ParseMode(value);
            }
            else
            {
                configuration[SettingKeys.Resolve(key)] = value;
            }
        }

        return this with { Mode = mode, Configuration = configuration };
    }

    /// <summary>keyword, vector or hybrid; <c>auto</c> (null) for the product's default.</summary>
    public static SearchMode? ParseMode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (string.Equals(value, "auto", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Enum.TryParse<SearchMode>(value, ignoreCase: true, out var mode) && Enum.IsDefined(mode) && !int.TryParse(value, out _)
            ? mode
            : throw new ArgumentException($"unknown search mode '{value}': use keyword, vector, hybrid or auto");
    }
}
