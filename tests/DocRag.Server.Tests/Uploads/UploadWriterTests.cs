using System.Security.Cryptography;
using System.Text;
using DocRag.Server.Uploads;
using DocRag.TestSupport;

namespace DocRag.Server.Tests.Uploads;

public sealed class UploadWriterTests : IDisposable
{
    private readonly TempDirectory _folder = new("docrag-upload-writer");
    private readonly UploadWriter _writer = new();

    [Fact]
    public async Task Commit_NewFile_CreatedWithItsContentAndNoTempLeft()
    {
        var staged = await StageAsync("a.md", "# A");

        var commit = await _writer.CommitAsync(_folder.Path, [staged], UploadConflictMode.Fail);

        Assert.True(commit.Succeeded);
        Assert.Equal(UploadOutcome.Created, Assert.Single(commit.Files).Outcome);
        Assert.Equal("# A", File.ReadAllText(_folder.Combine("a.md")));
        Assert.Equal(Sha("# A"), commit.Files[0].Sha256);
        Assert.Equal(["a.md"], FileNames());
    }

    [Fact]
    public async Task Commit_SameNameSameContent_UnchangedAndNothingDuplicated()
    {
        await CommitAsync(UploadConflictMode.Fail, ("a.md", "# A"));

        var again = await CommitAsync(UploadConflictMode.Rename, ("a.md", "# A"));

        Assert.Equal(UploadOutcome.Unchanged, Assert.Single(again.Files).Outcome);
        Assert.Equal(["a.md"], FileNames());
    }

    [Fact]
    public async Task Commit_DifferentContentUnderATakenName_FailStoresNothingOfTheBatch()
    {
        await CommitAsync(UploadConflictMode.Fail, ("a.md", "original"));

        var commit = await CommitAsync(UploadConflictMode.Fail, ("b.md", "new file"), ("a.md", "different"));

        Assert.False(commit.Succeeded);
        Assert.Equal(["a.md"], commit.Conflicts);
        Assert.Equal("original", File.ReadAllText(_folder.Combine("a.md")));
        Assert.Equal(["a.md"], FileNames());
        Assert.Empty(Directory.GetFiles(_folder.Path, UploadWriter.TempPrefix + "*"));
    }

    [Fact]
    public async Task Commit_Rename_StoresNumberedNameAndARetryFindsIt()
    {
        await CommitAsync(UploadConflictMode.Fail, ("a.md", "one"));

        var renamed = await CommitAsync(UploadConflictMode.Rename, ("a.md", "two"));
        var retried = await CommitAsync(UploadConflictMode.Rename, ("a.md", "two"));

        Assert.Equal(("a (2).md", UploadOutcome.Renamed), (renamed.Files[0].Name, renamed.Files[0].Outcome));
        Assert.Equal(("a (2).md", UploadOutcome.Unchanged), (retried.Files[0].Name, retried.Files[0].Outcome));
        Assert.Equal("two", File.ReadAllText(_folder.Combine("a (2).md")));
        Assert.Equal(["a (2).md", "a.md"], FileNames());
    }

    [Fact]
    public async Task Commit_Replace_ReplacesTheFile()
    {
        await CommitAsync(UploadConflictMode.Fail, ("a.md", "one"));

        var commit = await CommitAsync(UploadConflictMode.Replace, ("a.md", "two"));

        Assert.Equal(UploadOutcome.Replaced, commit.Files[0].Outcome);
        Assert.Equal("two", File.ReadAllText(_folder.Combine("a.md")));
        Assert.Equal(["a.md"], FileNames());
    }

    [Fact]
    public async Task Commit_SameNameTwiceInOneBatch_SameContentOnceDifferentContentConflicts()
    {
        var same = await CommitAsync(UploadConflictMode.Fail, ("a.md", "x"), ("a.md", "x"));
        var different = await CommitAsync(UploadConflictMode.Replace, ("b.md", "1"), ("b.md", "2"));

        Assert.Equal([UploadOutcome.Created, UploadOutcome.Unchanged], same.Files.Select(f => f.Outcome));
        Assert.Equal(["b.md"], different.Conflicts);
        Assert.Equal(["a.md"], FileNames());
    }

    [Fact]
    public async Task Commit_NameTakenByAFolder_NeverReplaced()
    {
        Directory.CreateDirectory(_folder.Combine("notes.md"));

        var replace = await CommitAsync(UploadConflictMode.Replace, ("notes.md", "text"));
        var rename = await CommitAsync(UploadConflictMode.Rename, ("notes.md", "text"));

        Assert.Equal(["notes.md"], replace.Conflicts);
        Assert.Equal("notes (2).md", rename.Files[0].Name);
        Assert.True(Directory.Exists(_folder.Combine("notes.md")));
    }

    [Fact]
    public async Task Stage_RecordsSizeHashAndContentProblem()
    {
        var staged = await UploadWriter.StageAsync(_folder.Path, "x.pdf", "x.pdf", "pdf", new MemoryStream(Encoding.UTF8.GetBytes("not a pdf")));

        Assert.Equal(9, staged.Size);
        Assert.Equal(Sha("not a pdf"), staged.Sha256);
        Assert.NotNull(staged.Problem);
        Assert.StartsWith(UploadWriter.TempPrefix, Path.GetFileName(staged.TempPath), StringComparison.Ordinal);
        UploadWriter.Discard([staged]);
        Assert.False(File.Exists(staged.TempPath));
    }

    [Fact]
    public void RemoveStaleTempFiles_RemovesOnlyOldTempFiles()
    {
        var old = _folder.WriteText($"{UploadWriter.TempPrefix}old{UploadWriter.TempSuffix}", "x");
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow - UploadWriter.StaleAfter - TimeSpan.FromMinutes(1));
        var fresh = _folder.WriteText($"{UploadWriter.TempPrefix}fresh{UploadWriter.TempSuffix}", "x");
        var document = _folder.WriteText("kept.md", "x");
        File.SetLastWriteTimeUtc(document, DateTime.UtcNow.AddDays(-10));

        UploadWriter.RemoveStaleTempFiles(_folder.Path);

        Assert.False(File.Exists(old));
        Assert.True(File.Exists(fresh));
        Assert.True(File.Exists(document));
    }

    public void Dispose()
    {
        _writer.Dispose();
        _folder.Dispose();
    }

    private async Task<UploadCommit> CommitAsync(UploadConflictMode mode, params (string Name, string Content)[] files)
    {
        var staged = new List<StagedUpload>();
        foreach (var (name, content) in files)
        {
            staged.Add(await StageAsync(name, content));
        }

        return await _writer.CommitAsync(_folder.Path, staged, mode);
    }

    private Task<StagedUpload> StageAsync(string name, string content) =>
        UploadWriter.StageAsync(_folder.Path, name, name, "md", new MemoryStream(Encoding.UTF8.GetBytes(content)));

    private string[] FileNames() =>
        [.. Directory.GetFiles(_folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
