using DocRag.Core.Models;

namespace DocRag.Core.Tests.Models;

/// <summary>Collects progress reports synchronously, in order (unlike <see cref="Progress{T}"/>), and can react.</summary>
internal sealed class RecordingProgress(Action<ModelDownloadProgress>? onReport = null) : IProgress<ModelDownloadProgress>
{
    private readonly List<ModelDownloadProgress> _reports = [];

    public IReadOnlyList<ModelDownloadProgress> Reports
    {
        get
        {
            lock (_reports)
            {
                return [.. _reports];
            }
        }
    }

    public void Report(ModelDownloadProgress value)
    {
        lock (_reports)
        {
            _reports.Add(value);
        }

        onReport?.Invoke(value);
    }
}
