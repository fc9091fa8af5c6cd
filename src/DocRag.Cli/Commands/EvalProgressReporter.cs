using System.Globalization;
using DocRag.Core.Evaluation;
using Spectre.Console;

namespace DocRag.Cli.Commands;

/// <summary>Shows an evaluation's phase and count on a Spectre.Console task.</summary>
internal sealed class EvalProgressReporter(ProgressTask task) : IProgress<EvaluationProgress>
{
    public void Report(EvaluationProgress value)
    {
        task.MaxValue = Math.Max(1, value.Total);
        task.Value = Math.Min(value.Done, task.MaxValue);
        task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{value.Phase} {value.Done}/{value.Total}"));
    }
}
