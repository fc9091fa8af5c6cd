using System.Diagnostics;

namespace DocRag.Core.Models;

/// <summary>Turns byte counts into throttled <see cref="ModelDownloadProgress"/> reports with rate and ETA.</summary>
internal sealed class DownloadProgressReporter(IProgress<ModelDownloadProgress>? progress, DownloadTarget target)
{
    // At most ten reports a second: a progress bar needs no more, and a log needs far fewer.
    private static readonly long Interval = Stopwatch.Frequency / 10;
    private long _lastReport;
    private long _attemptStart;
    private long _attemptStartBytes;

    /// <summary>A new attempt starts with <paramref name="bytesDone"/> already on disk.</summary>
    public void Begin(long bytesDone, long? bytesTotal)
    {
        _attemptStart = Stopwatch.GetTimestamp();
        _attemptStartBytes = bytesDone;
        _lastReport = _attemptStart;
        Report(ModelDownloadStage.Downloading, bytesDone, bytesTotal, 0, null);
    }

    public void Downloading(long bytesDone, long? bytesTotal, bool force = false)
    {
        var now = Stopwatch.GetTimestamp();
        if (!force && now - _lastReport < Interval)
        {
            return;
        }

        _lastReport = now;
        var seconds = Stopwatch.GetElapsedTime(_attemptStart, now).TotalSeconds;
        var rate = seconds > 0 ? (bytesDone - _attemptStartBytes) / seconds : 0;
        TimeSpan? eta = rate > 0 && bytesTotal is long total && total >= bytesDone
            ? TimeSpan.FromSeconds((total - bytesDone) / rate)
            : null;
        Report(ModelDownloadStage.Downloading, bytesDone, bytesTotal, rate, eta);
    }

    public void Verifying(long bytes) => Report(ModelDownloadStage.Verifying, bytes, bytes, 0, null);

    public void Done(long bytes) => Report(ModelDownloadStage.Done, bytes, bytes, 0, TimeSpan.Zero);

    private void Report(ModelDownloadStage stage, long done, long? total, double rate, TimeSpan? eta) =>
        progress?.Report(new ModelDownloadProgress(
            target.Model.Name, target.File.LocalPath, target.Index, target.Model.Files.Count, stage, done, total, rate, eta));
}
