namespace DocRag.Core.Models;

public sealed partial class ModelStore
{
    /// <summary>Recomputes the SHA-256 of every file of <paramref name="model"/> and compares it with the catalog.</summary>
    public async Task<ModelVerification> VerifyAsync(CatalogModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var files = new List<FileVerification>(model.Files.Count);
        foreach (var file in model.Files)
        {
            files.Add(await VerifyFileAsync(model, file, cancellationToken).ConfigureAwait(false));
        }

        return new ModelVerification(model, Summarise(files), files);
    }

    private async Task<FileVerification> VerifyFileAsync(CatalogModel model, CatalogFile file, CancellationToken cancellationToken)
    {
        var path = GetFilePath(model, file);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            var part = new FileInfo(path + ModelPaths.PartialSuffix);
            var detail = part.Exists
                ? $"missing (an interrupted download holds {part.Length} bytes; run 'docrag models pull {model.Name}' to resume)"
                : "missing";
            return new FileVerification(file, path, FileVerificationState.Missing, detail);
        }

        if (file.Sha256 is not string expected)
        {
            return new FileVerification(
                file, path, FileVerificationState.Unpinned, $"present ({info.Length} bytes), not pinned: no known hash to check it against");
        }

        if (file.Size is long size && info.Length != size)
        {
            return new FileVerification(
                file, path, FileVerificationState.Corrupt, $"corrupt: {info.Length} bytes, expected {size}");
        }

        var actual = await FileHashing.Sha256Async(path, cancellationToken).ConfigureAwait(false);
        return FileHashing.Matches(actual, expected)
            ? new FileVerification(file, path, FileVerificationState.Ok, "ok")
            : new FileVerification(file, path, FileVerificationState.Corrupt, $"corrupt: sha256 {actual}, expected {expected}");
    }

    private static ModelVerificationState Summarise(List<FileVerification> files)
    {
        if (files.TrueForAll(f => f.State == FileVerificationState.Missing))
        {
            return ModelVerificationState.NotDownloaded;
        }

        if (files.Exists(f => f.State == FileVerificationState.Corrupt))
        {
            return ModelVerificationState.Corrupt;
        }

        if (files.Exists(f => f.State == FileVerificationState.Missing))
        {
            return ModelVerificationState.Missing;
        }

        return files.Exists(f => f.State == FileVerificationState.Unpinned)
            ? ModelVerificationState.Unpinned
            : ModelVerificationState.Ok;
    }
}
