using DocRag.Core.Ingestion.Parsers;
using DocRag.Core.Storage;
using DocRag.Server.Indexing;
using DocRag.Server.Problems;
using DocRag.Server.Security;
using DocRag.Server.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DocRag.Server.Endpoints;

public static partial class DocumentEndpoints
{
    /// <param name="files">One or more files (any part name).</param>
    /// <param name="collection">The collection to upload into; default: the first configured collection the key may use, else the only one.</param>
    /// <param name="onConflict">When a different file has the same name: <c>fail</c> (409, the default), <c>rename</c> (<c>name (2).ext</c>) or <c>replace</c>.</param>
    private static async Task<Results<Accepted<UploadResponse>, ProblemHttpResult, ValidationProblem>> UploadAsync(
        IFormFileCollection files, [FromForm] string? collection, [FromForm] string? onConflict, HttpContext context,
        [AsParameters] UploadServices services, CancellationToken cancellationToken)
    {
        if ((RepeatedField(context, "collection") ?? RepeatedField(context, "onConflict")) is { } repeated)
        {
            // The binder would join them ("up,beta"), naming a collection nobody asked for.
            return DocRagProblems.Validation(new Dictionary<string, string[]> { [repeated] = [$"Send '{repeated}' once."] });
        }

        if (ParseConflictMode(onConflict) is not { } mode)
        {
            return DocRagProblems.Validation(new Dictionary<string, string[]> { ["onConflict"] = ["Use 'fail', 'rename' or 'replace'."] });
        }

        if (files.Count == 0)
        {
            return DocRagProblems.Validation(new Dictionary<string, string[]> { ["files"] = ["Send one or more files as multipart/form-data file parts."] });
        }

        var name = string.IsNullOrWhiteSpace(collection) ? await services.Folders.DefaultForAsync(CollectionAccess.GetScope(context), cancellationToken).ConfigureAwait(false) : collection.Trim();
        if (name is null)
        {
            return DocRagProblems.Validation(new Dictionary<string, string[]> { ["collection"] = ["Name the collection to upload into; there is no default one."] });
        }

        CollectionAccess.EnsureAllowed(context, name);
        var folder = await services.Folders.FindAsync(name, cancellationToken).ConfigureAwait(false)
            ?? (UploadFileNames.IsSafeCollectionName(name) ? services.Folders.ForUploads(name) : null);
        if (folder is null)
        {
            return DocRagProblems.Validation(new Dictionary<string, string[]>
            {
                ["collection"] = [$"A new collection's name must be 1-{UploadFileNames.MaxCollectionNameLength} letters, digits, '-', '_' or '.', not starting with '.'."],
            });
        }

        await services.Store.EnsureWritableAsync(cancellationToken).ConfigureAwait(false); // nothing uploaded could ever be indexed
        var incoming = new List<(IFormFile File, string Name, string Type)>();
        foreach (var file in files)
        {
            if (UploadFileNames.Sanitize(file.FileName) is not { } safe)
            {
                return DocRagProblems.Validation(new Dictionary<string, string[]> { ["files"] = [$"The file name '{file.FileName}' has nothing usable left once made safe."] });
            }

            if (!services.Reader.SupportedExtensions.Contains(Path.GetExtension(safe), StringComparer.OrdinalIgnoreCase))
            {
                return UnsupportedType(file.FileName, $"its type is not one DocRag indexes (supported: {string.Join(", ", services.Reader.SupportedExtensions.Order(StringComparer.Ordinal))})");
            }

            incoming.Add((file, safe, services.Reader.DocumentTypeOf(safe)));
        }

        UploadCommit commit;
        try
        {
            var (written, refused) = await WriteAsync(folder, incoming, mode, services, cancellationToken).ConfigureAwait(false);
            if (refused is not null)
            {
                return UnsupportedType(refused.ClientName, refused.Problem!);
            }

            commit = written!;
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or FileNotFoundException)
        {
            // The folder (or a staged file in it) was removed while the upload was written: nothing half-written stays.
            Log.UploadFolderVanished(services.Loggers.CreateLogger(typeof(DocumentEndpoints)), name);
            return DocRagProblems.Conflict(
                "The collection's folder was removed while the upload was being written; nothing was stored. Retry the upload.");
        }

        if (!commit.Succeeded)
        {
            return DocRagProblems.Create(ProblemTypes.Conflict,
                $"The collection already has a different file named {string.Join(", ", commit.Conflicts.Select(c => $"'{c}'"))}; nothing was stored. " +
                "Send onConflict=rename to keep both, or onConflict=replace to replace it.",
                new Dictionary<string, object?> { ["conflicts"] = commit.Conflicts });
        }

        return await AcceptedAsync(folder, commit.Files, services, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stages every file in the folder, then commits them all, or none when one is refused by its content.</summary>
    private static async Task<(UploadCommit? Commit, StagedUpload? Refused)> WriteAsync(
        CollectionFolder folder, List<(IFormFile File, string Name, string Type)> incoming, UploadConflictMode mode, UploadServices services,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder.Path);
        UploadWriter.RemoveStaleTempFiles(folder.Path);
        var staged = new List<StagedUpload>(incoming.Count);
        try
        {
            foreach (var (file, safe, type) in incoming)
            {
                var stream = file.OpenReadStream();
                await using (stream.ConfigureAwait(false))
                {
                    staged.Add(await UploadWriter.StageAsync(folder.Path, safe, file.FileName, type, stream, cancellationToken).ConfigureAwait(false));
                }
            }
        }
        catch
        {
            UploadWriter.Discard(staged);
            throw;
        }

        if (staged.FirstOrDefault(s => s.Problem is not null) is { } refused)
        {
            UploadWriter.Discard(staged);
            return (null, refused);
        }

        return (await services.Writer.CommitAsync(folder.Path, staged, mode, cancellationToken).ConfigureAwait(false), null);
    }

    private static async Task<Accepted<UploadResponse>> AcceptedAsync(
        CollectionFolder folder, IReadOnlyList<StoredUpload> stored, UploadServices services, CancellationToken cancellationToken)
    {
        var written = stored.Count(f => f.Outcome != UploadOutcome.Unchanged);
        services.Scheduler.Enqueue(folder.Name, written);
        if (folder.Source == CollectionFolderSource.Uploads)
        {
            services.Watchers.Watch(folder);
        }

        Log.Uploaded(services.Loggers.CreateLogger(typeof(DocumentEndpoints)), folder.Name, written, stored.Count - written);
        var items = new List<UploadedFileItem>(stored.Count);
        foreach (var file in stored)
        {
            var existing = await services.Store.GetDocumentByPathAsync(Path.Combine(folder.Path, file.Name), cancellationToken).ConfigureAwait(false);
            var id = existing is not null && existing.Fingerprint.Sha256 == file.Sha256 ? existing.Id.Value : (long?)null;
            items.Add(new UploadedFileItem(file.Name, file.ClientName, file.Outcome.ToString().ToLowerInvariant(), file.Size, file.Sha256, id,
                DocumentsUrl(folder.Name, [file.Name])));
        }

        // The listing takes at most MaxPaths paths and a URL must stay short (Kestrel answers 414 past 8 KB): a bigger
        // upload's Location lists the whole collection, and each file's own location still polls that file.
        var names = stored.Select(f => f.Name).Distinct(StringComparer.Ordinal).ToList();
        var location = names.Count <= MaxPaths && DocumentsUrl(folder.Name, names) is { Length: <= MaxLocationLength } listed
            ? listed
            : DocumentsUrl(folder.Name, []);
        return TypedResults.Accepted(location, new UploadResponse(folder.Name, items, location, IndexEndpoints.StatusPath));
    }

    private static string? RepeatedField(HttpContext context, string field) =>
        context.Request.HasFormContentType && context.Request.Form.TryGetValue(field, out var values) && values.Count > 1 ? field : null;

    private static UploadConflictMode? ParseConflictMode(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "FAIL" => UploadConflictMode.Fail,
        "RENAME" => UploadConflictMode.Rename,
        "REPLACE" => UploadConflictMode.Replace,
        _ => null,
    };

    private static ProblemHttpResult UnsupportedType(string fileName, string why) =>
        DocRagProblems.Create(ProblemTypes.UnsupportedMediaType, $"The file '{fileName}' was refused: {why}. Nothing was stored.",
            new Dictionary<string, object?> { ["file"] = fileName });

    private static string DocumentsUrl(string collection, IEnumerable<string> paths) =>
        $"{ApiEndpoints.Prefix}/documents?collection={Uri.EscapeDataString(collection)}" +
        string.Concat(paths.Select(p => "&path=" + Uri.EscapeDataString(p)));
}
