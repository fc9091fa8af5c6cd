using System.Collections.Concurrent;
using System.Text;

namespace DocRag.Core.Ingestion.Parsers.Pdf;

/// <summary>OCR of one PDF page: pdftoppm renders it, tesseract reads it. Available only where tesseract runs.</summary>
internal static class TesseractOcr
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<bool>>> Availability = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="tesseractPath"/> starts (checked once per path and process).</summary>
    public static Task<bool> IsAvailableAsync(string tesseractPath) =>
        Availability.GetOrAdd(tesseractPath, path => new Lazy<Task<bool>>(() => ProbeAsync(path))).Value;

    public static async Task<string> ReadPageAsync(IngestionOptions options, string pdfPath, int page, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("docrag-ocr-");
        try
        {
            var prefix = Path.Combine(folder.FullName, "page");
            var page1 = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var render = await ProcessRunner.RunAsync(
                options.PdfToPpmPath,
                ["-f", page1, "-l", page1, "-r", options.OcrDpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-gray", "-png", "-singlefile", pdfPath, prefix],
                maxOutputBytes: 1024 * 1024,
                cancellationToken).ConfigureAwait(false);
            var image = prefix + ".png";
            if (render.ExitCode != 0 || !File.Exists(image))
            {
                return "";
            }

            var ocr = await ProcessRunner.RunAsync(
                options.TesseractPath,
                [image, "stdout", "-l", options.OcrLanguages],
                maxOutputBytes: 16L * 1024 * 1024,
                cancellationToken).ConfigureAwait(false);
            return ocr.ExitCode == 0 ? Encoding.UTF8.GetString(ocr.Output) : "";
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }

    private static async Task<bool> ProbeAsync(string path)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var result = await ProcessRunner.RunAsync(path, ["--version"], 64 * 1024, timeout.Token).ConfigureAwait(false);
            return result.ExitCode == 0;
        }
        catch (Exception ex) when (ex is ToolMissingException or OperationCanceledException)
        {
            return false;
        }
    }
}
