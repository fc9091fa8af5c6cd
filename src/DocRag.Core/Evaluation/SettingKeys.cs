using System.Reflection;
using DocRag.Core.Answering;
using DocRag.Core.Embeddings;
using DocRag.Core.Generation;
using DocRag.Core.Ingestion;
using DocRag.Core.Retrieval;

namespace DocRag.Core.Evaluation;

/// <summary>Turns a short setting name (<c>titleWeight</c>) into its configuration key (<c>DocRag:Retrieval:TitleWeight</c>).</summary>
internal static class SettingKeys
{
    public const string IngestionPrefix = IngestionOptions.SectionName + ":";
    public const string EmbeddingPrefix = EmbeddingOptions.SectionName + ":";

    private static readonly (string Section, Type Options)[] Sections =
    [
        (RetrievalOptions.SectionName, typeof(RetrievalOptions)),
        (IngestionOptions.SectionName, typeof(IngestionOptions)),
        (AnsweringOptions.SectionName, typeof(AnsweringOptions)),
        (EmbeddingOptions.SectionName, typeof(EmbeddingOptions)),
        (GenerationOptions.SectionName, typeof(GenerationOptions)),
    ];

    /// <summary>The full key for <paramref name="key"/>: a property name, <c>Section:Property</c> or a full <c>DocRag:...</c> key.</summary>
    public static string Resolve(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (key.StartsWith("DocRag:", StringComparison.OrdinalIgnoreCase))
        {
            return key;
        }

        if (key.Contains(':', StringComparison.Ordinal))
        {
            return "DocRag:" + key;
        }

        var matches = Sections
            .SelectMany(s => Settable(s.Options).Where(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase)).Select(p => $"{s.Section}:{p.Name}"))
            .ToArray();
        return matches.Length switch
        {
            1 => matches[0],
            0 => throw new ArgumentException($"unknown setting '{key}': use mode, a setting of DocRag:Retrieval, Ingestion, Answering, Embedding or Generation (e.g. titleWeight, chunkTokens), or a full key"),
            _ => throw new ArgumentException($"the setting '{key}' is ambiguous: write one of {string.Join(", ", matches.Select(m => m["DocRag:".Length..]))}"),
        };
    }

    private static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.SetMethod!.IsPublic);
}
