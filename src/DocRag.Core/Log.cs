using Microsoft.Extensions.Logging;

namespace DocRag.Core;

/// <summary>
/// DocRag.Core's source-generated log messages. Event id ranges by feature: Hosting 1-99, Embeddings 100-199,
/// Generation 200-299, Ingestion 300-399, Storage 400-499, Retrieval 500-599, Answering 600-699, Models 700-799,
/// Evaluation 800-899.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "DocRag {Version} data folder {DataPath}")]
    public static partial void Starting(ILogger logger, string version, string dataPath);

    // Ingestion 300-399
    [LoggerMessage(300, LogLevel.Warning, "A {DocumentType} parser failed unexpectedly; the file is recorded as damaged")]
    public static partial void ParserFailed(ILogger logger, string documentType, Exception exception);
}
