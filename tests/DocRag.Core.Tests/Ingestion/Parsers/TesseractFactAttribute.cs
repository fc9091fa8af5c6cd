using DocRag.TestSupport;

namespace DocRag.Core.Tests.Ingestion.Parsers;

/// <summary>A fact that needs tesseract on PATH and the shared data; skipped with the reason otherwise.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TesseractFactAttribute : FactAttribute
{
    public TesseractFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TestEnvironment.DataVariable)))
        {
            Skip = $"{TestEnvironment.DataVariable} is not set";
        }
        else if (!OnPath("tesseract"))
        {
            Skip = "tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-spa to run the OCR test)";
        }
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, tool)));
}
