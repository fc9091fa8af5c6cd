namespace DocRag.Core.Models;

public sealed partial class ModelStore
{
    /// <summary>
    /// Models in the folder that the catalog does not list: sub-folders with <c>model.onnx</c> or <c>onnx/*.onnx</c>,
    /// and <c>.gguf</c> files (loose, or in a sub-folder). Partial downloads are ignored.
    /// </summary>
    public IReadOnlyList<LocalModel> FindUnknownModels()
    {
        var root = new DirectoryInfo(ModelsDirectory);
        if (!root.Exists)
        {
            return [];
        }

        var found = new List<LocalModel>();
        foreach (var gguf in Ggufs(root))
        {
            found.Add(new LocalModel(Path.GetFileNameWithoutExtension(gguf.Name), gguf.FullName, LocalModelFormat.Gguf, gguf.Length));
        }

        foreach (var folder in root.EnumerateDirectories().OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            if (Catalog.Find(folder.Name) is not null)
            {
                continue;
            }

            var onnx = OnnxGraphs(folder).ToList();
            if (onnx.Count > 0)
            {
                found.Add(new LocalModel(folder.Name, folder.FullName, LocalModelFormat.Onnx, onnx.Sum(f => f.Length)));
            }

            foreach (var gguf in Ggufs(folder))
            {
                found.Add(new LocalModel(folder.Name, gguf.FullName, LocalModelFormat.Gguf, gguf.Length));
            }
        }

        return found;
    }

    private static IEnumerable<FileInfo> Ggufs(DirectoryInfo folder) =>
        folder.EnumerateFiles("*.gguf").OrderBy(f => f.Name, StringComparer.Ordinal);

    private static IEnumerable<FileInfo> OnnxGraphs(DirectoryInfo folder)
    {
        var top = folder.EnumerateFiles("*.onnx");
        var nested = new DirectoryInfo(Path.Combine(folder.FullName, "onnx"));
        return nested.Exists ? top.Concat(nested.EnumerateFiles("*.onnx")) : top;
    }
}
