using System.Text;
using System.Text.Json;
using DocRag.Core.Embeddings.Tokenization;

namespace DocRag.Core.Tests.Embeddings.Tokenization;

/// <summary>
/// The golden ids made by tools/golden/make-tokenizer-golden.mjs with the Hugging Face reference tokenizer, and the
/// check that a tokenizer reproduces every one of them.
/// </summary>
internal static class GoldenCases
{
    public static string TestDataPath(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "Embeddings", "Tokenization", "TestData", .. parts]);

    public static IReadOnlyList<GoldenCase> Load(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(TestDataPath("golden", name + ".json")));
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(c => new GoldenCase(
            c.GetProperty("text").GetString()!,
            c.GetProperty("maxLength").ValueKind == JsonValueKind.Null ? null : c.GetProperty("maxLength").GetInt32(),
            c.GetProperty("ids").EnumerateArray().Select(i => i.GetInt32()).ToArray(),
            c.GetProperty("typeIds").EnumerateArray().Select(i => i.GetInt32()).ToArray(),
            c.TryGetProperty("count", out var count) ? count.GetInt32() : null)).ToList();
    }

    /// <summary>Asserts every case, and reports all mismatches at once (with the text escaped) rather than the first.</summary>
    public static void AssertMatches(ITextTokenizer tokenizer, string name)
    {
        var cases = Load(name);
        Assert.True(cases.Count > 100, $"golden file {name} has only {cases.Count} cases");
        var failures = new List<string>();
        foreach (var golden in cases)
        {
            var encoded = tokenizer.Encode(golden.Text, golden.MaxLength ?? int.MaxValue);
            if (!encoded.InputIds.SequenceEqual(golden.Ids) || !encoded.TypeIds.SequenceEqual(golden.TypeIds))
            {
                failures.Add($"{Escape(golden.Text)} (max {golden.MaxLength?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}):\n" +
                    $"  expected [{string.Join(',', golden.Ids)}]\n  actual   [{string.Join(',', encoded.InputIds)}]");
            }

            if (golden.Count is { } count && tokenizer.CountTokens(golden.Text) != count)
            {
                failures.Add($"{Escape(golden.Text)}: count expected {count}, actual {tokenizer.CountTokens(golden.Text)}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} golden cases differ:\n" + string.Join('\n', failures.Take(15)));
    }

    private static string Escape(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var ch in text.Length > 80 ? text[..80] + "…" : text)
        {
            builder.Append(ch is < ' ' or (>= '\u007f' and <= '\u00a0') or '\u200b' or '\u00ad' or '\ufeff' ? $"\\u{(int)ch:x4}" : ch);
        }

        return builder.Append('"').ToString();
    }
}
