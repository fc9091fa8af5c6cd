using DocRag.Core.Models;

namespace DocRag.Core.Embeddings;

/// <summary>Resolves <see cref="EmbeddingOptions.Model"/> against the models folder.</summary>
public static class EmbeddingModelLocator
{
    /// <summary>
    /// "none": no model. Empty: the first folder (by name) under <paramref name="modelsDirectory"/> that holds an .onnx
    /// file and tokenizer files, a multilingual one (docrag-model.json languages "*") before the others. Otherwise a folder path, or a folder name under the models folder.
    /// </summary>
    public static EmbeddingModelLocation Locate(EmbeddingOptions options, string modelsDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelsDirectory);
        if (options.IsDisabled)
        {
            return new(null, $"embeddings are turned off ({EmbeddingOptions.SectionName}:Model is '{EmbeddingOptions.NoModel}'); search is keyword-only");
        }

        var models = Path.GetFullPath(modelsDirectory);
        var model = options.Model?.Trim();
        if (string.IsNullOrEmpty(model))
        {
            return Discover(models);
        }

        var candidates = Path.IsPathRooted(model)
            ? [model]
            : new[] { Path.Combine(models, model), Path.GetFullPath(model) };
        foreach (var candidate in candidates.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal))
        {
            if (Directory.Exists(candidate))
            {
                return new(candidate, $"configured model folder {candidate}");
            }
        }

        return new(null, $"the embedding model '{model}' was not found (looked in {string.Join(" and ", candidates.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal))})");
    }

    private static EmbeddingModelLocation Discover(string models)
    {
        if (!Directory.Exists(models))
        {
            return new(null, $"no embedding model: the models folder {models} does not exist (add a model folder with model.onnx and tokenizer.json, or set {EmbeddingOptions.SectionName}:Model)");
        }

        var candidates = Directory.EnumerateDirectories(models)
            .OrderBy(d => d, StringComparer.Ordinal)
            .Where(EmbeddingModelFolder.LooksLikeEmbeddingModel)
            .ToList();
        if (candidates.Count == 0)
        {
            return new(null, $"no embedding model in {models} (expected a folder with model.onnx or onnx/model.onnx and tokenizer.json or vocab.txt)");
        }

        // A multilingual model (its docrag-model.json says "*") takes over from English-only ones: it serves every language.
        var multilingual = candidates.FirstOrDefault(IsMultilingual);
        return multilingual is not null && candidates.Count > 1
            ? new(multilingual, $"discovered model folder {multilingual} (multilingual, preferred over {string.Join(", ", candidates.Where(c => c != multilingual).Select(Path.GetFileName))})")
            : new(candidates[0], $"discovered model folder {candidates[0]}");
    }

    private static bool IsMultilingual(string directory)
    {
        try
        {
            return ModelManifest.TryRead(directory)?.Embedding?.Languages?.Contains(EmbeddingModelInfo.AnyLanguage) == true;
        }
        catch (InvalidDataException)
        {
            return false; // a damaged manifest is reported when that folder is loaded, not here
        }
    }
}
