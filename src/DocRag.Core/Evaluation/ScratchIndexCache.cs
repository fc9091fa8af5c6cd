using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DocRag.Core.Storage;

namespace DocRag.Core.Evaluation;

/// <summary>
/// Keeps evaluation scratch indexes between runs, one folder per key: the corpus's content (ids, titles, texts), how it
/// is written (<see cref="CorpusForm"/>), the side's chunking and embedding settings, the text analysis signature and
/// the build of DocRag that indexed it. The embedding model actually used is checked at each run (a folder sync
/// embeds what a new model lacks; a direct index is rebuilt). A folder counts only once its marker is written, after
/// a complete build, so an interrupted run builds again.
/// </summary>
internal static class ScratchIndexCache
{
    private const string MarkerName = "scratch-index.json";

    /// <summary>The folder for this corpus, form and indexing settings under <paramref name="root"/>.</summary>
    public static string Folder(string root, EvaluationSet set, CorpusForm form, string indexingKey)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string? value)
        {
            var bytes = Encoding.UTF8.GetBytes(value ?? "\u0001null");
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }

        Add("docrag-eval-index/1");
        Add(typeof(ScratchIndexCache).Assembly.ManifestModule.ModuleVersionId.ToString());
        Add(FullTextAnalyzer.Signature);
        Add(form.ToString());
        Add(indexingKey);
        foreach (var document in set.Documents)
        {
            Add(document.Id);
            Add(document.Title);
            Add(document.Text);
        }

        var key = Convert.ToHexStringLower(hash.GetHashAndReset())[..20];
        return Path.Combine(root, $"{Slug(set.Name)}-{form.ToString().ToLowerInvariant()}-{key}");
    }

    /// <summary>The kept build in <paramref name="folder"/>, or null when there is none (or it cannot be read).</summary>
    public static ScratchIndexMarker? Read(string folder)
    {
        var path = Path.Combine(folder, MarkerName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<ScratchIndexMarker>(stream, JsonOptions);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static void Write(string folder, ScratchIndexMarker marker)
    {
        var path = Path.Combine(folder, MarkerName);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(marker, JsonOptions));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Empties <paramref name="folder"/> for a new build.</summary>
    public static void Clear(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };

    private static string Slug(string name)
    {
        var slug = new string([.. name.Take(40).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
        return slug.Length == 0 ? "set" : slug.ToLower(CultureInfo.InvariantCulture);
    }
}
