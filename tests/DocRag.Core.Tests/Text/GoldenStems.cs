namespace DocRag.Core.Tests.Text;

/// <summary>Reads the word/stem pairs that tools/golden generated with the reference Snowball implementation.</summary>
internal static class GoldenStems
{
    public static IReadOnlyList<(string Word, string Stem)> Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Text", "Golden", fileName);
        return [.. File.ReadLines(path)
            .Where(line => line.Length > 0)
            .Select(line => line.Split('\t'))
            .Select(parts => (parts[0], parts[1]))];
    }

    /// <summary>Every pair the stemmer gets wrong, as "word: expected → actual" lines.</summary>
    public static List<string> Mismatches(string fileName, Func<string, string> stem) =>
        [.. Load(fileName)
            .Select(pair => (pair.Word, pair.Stem, Actual: stem(pair.Word)))
            .Where(r => r.Actual != r.Stem)
            .Select(r => $"{r.Word}: expected {r.Stem}, got {r.Actual}")];
}
