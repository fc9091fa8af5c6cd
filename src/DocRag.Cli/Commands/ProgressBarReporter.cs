using System.Globalization;
using DocRag.Core.Ingestion.Sync;
using Spectre.Console;

namespace DocRag.Cli.Commands;

/// <summary>Shows a sync's progress on a Spectre.Console task: files done of total, chunks/s, the current file.</summary>
internal sealed class ProgressBarReporter(ProgressTask task) : IProgress<IndexingProgress>
{
    public void Report(IndexingProgress value)
    {
        task.MaxValue = Math.Max(1, value.FilesTotal);
        task.Value = Math.Min(value.FilesDone, task.MaxValue);
        var file = value.CurrentFile is null || value.Phase != "indexing" ? "" : " " + Path.GetFileName(value.CurrentFile);
        task.Description = Markup.Escape(string.Create(
            CultureInfo.InvariantCulture,
            $"{value.Phase} {value.FilesDone}/{value.FilesTotal} files, {value.Chunks} chunks, {value.ChunksPerSecond:F0} chunks/s{file}"));
    }
}
