using DocRag.Core.Models;
using Spectre.Console;

namespace DocRag.Cli.Commands;

/// <summary>Pull progress as Spectre.Console bars, one per file.</summary>
internal sealed class ConsolePullProgress(ProgressContext context) : IProgress<ModelDownloadProgress>
{
    private readonly Dictionary<int, ProgressTask> _tasks = [];

    public void Report(ModelDownloadProgress value)
    {
        var label = Markup.Escape(value.File);
        if (!_tasks.TryGetValue(value.FileIndex, out var task))
        {
            task = context.AddTask(label, maxValue: Math.Max(1, value.BytesTotal ?? 1));
            _tasks.Add(value.FileIndex, task);
        }

        if (value.BytesTotal is long total && total > 0)
        {
            task.MaxValue = total;
        }

        task.Value = value.BytesDone;
        switch (value.Stage)
        {
            case ModelDownloadStage.Verifying:
                task.Description = $"{label} [grey](checking sha256)[/]";
                break;
            case ModelDownloadStage.Done:
                task.Description = label;
                task.Value = task.MaxValue;
                task.StopTask();
                break;
        }
    }
}
