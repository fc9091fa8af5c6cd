using DocRag.Core.Models;

namespace DocRag.Cli.Commands;

/// <summary>Pull progress as plain lines (for logs and pipes): each file's start, every quarter, and its end.</summary>
internal sealed class PlainPullProgress(TextWriter output) : IProgress<ModelDownloadProgress>
{
    private int _file = -1;
    private int _nextQuarter;
    private bool _downloading;

    public void Report(ModelDownloadProgress value)
    {
        if (value.FileIndex != _file)
        {
            _file = value.FileIndex;
            _nextQuarter = 25;
            _downloading = false;
        }

        var prefix = $"[{value.FileIndex + 1}/{value.FileCount}] {value.File}";
        switch (value.Stage)
        {
            case ModelDownloadStage.Downloading:
                if (!_downloading)
                {
                    _downloading = true;
                    var size = value.BytesTotal is long total ? ByteSize.Format(total) : "size unknown";
                    output.WriteLine(value.BytesDone > 0
                        ? $"{prefix}: resuming at {ByteSize.Format(value.BytesDone)} of {size}"
                        : $"{prefix}: downloading {size}");
                }

                WriteQuarter(prefix, value);
                break;
            case ModelDownloadStage.Verifying:
                output.WriteLine($"{prefix}: checking sha256");
                break;
            case ModelDownloadStage.Done:
                output.WriteLine(_downloading ? $"{prefix}: done" : $"{prefix}: already present");
                break;
        }
    }

    private void WriteQuarter(string prefix, ModelDownloadProgress value)
    {
        if (value.BytesTotal is not long total || total <= 0)
        {
            return;
        }

        var quarter = (int)(value.BytesDone * 100 / total) / 25 * 25;
        if (quarter < _nextQuarter)
        {
            return;
        }

        _nextQuarter = quarter + 25;
        var rate = value.BytesPerSecond > 0 ? $", {ByteSize.FormatRate(value.BytesPerSecond)}" : "";
        var eta = value.Eta is TimeSpan left && quarter < 100 ? $", {left:hh\\:mm\\:ss} left" : "";
        output.WriteLine($"{prefix}: {quarter}% ({ByteSize.Format(value.BytesDone)}{rate}{eta})");
    }
}
