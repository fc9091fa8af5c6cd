using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Ingestion.Parsers;

/// <summary>
/// Picks the parser for a file and runs it inside DocRag's limits: size, time, and every exception turned into a
/// failure with a reason. Nothing a file contains makes this throw (cancellation by the caller excepted).
/// </summary>
public sealed class DocumentReader
{
    private readonly Dictionary<string, IDocumentParser> _byExtension = new(StringComparer.OrdinalIgnoreCase);
    private readonly IngestionOptions _options;
    private readonly ILogger<DocumentReader> _logger;

    public DocumentReader(IEnumerable<IDocumentParser> parsers, IOptions<IngestionOptions> options, ILogger<DocumentReader> logger)
    {
        ArgumentNullException.ThrowIfNull(parsers);
        _options = options?.Value ?? throw new ArgumentNullException(nameof(options));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        foreach (var parser in parsers)
        {
            foreach (var extension in parser.Extensions)
            {
                _byExtension.TryAdd(extension, parser);
            }
        }
    }

    /// <summary>The extensions some parser reads.</summary>
    public IReadOnlyCollection<string> SupportedExtensions => _byExtension.Keys;

    /// <summary>The document type recorded for <paramref name="path"/> (<c>pdf</c>, <c>docx</c>, ...; the bare extension when unsupported).</summary>
    public string DocumentTypeOf(string path)
    {
        var extension = Path.GetExtension(path);
        return _byExtension.TryGetValue(extension, out var parser)
            ? parser.DocumentType
            : extension.TrimStart('.').ToLowerInvariant();
    }

    public async Task<ParseResult> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path);
        if (!_byExtension.TryGetValue(extension, out var parser))
        {
            return ParseResult.Failed(ParseFailureKind.UnsupportedType, extension.Length == 0
                ? "files without an extension are not indexed"
                : $"'{extension}' files are not supported (supported: {string.Join(", ", _byExtension.Keys.Order(StringComparer.Ordinal))})");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.ParseTimeoutSeconds));
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return ParseResult.Failed(ParseFailureKind.Unreadable, path.Contains('\uFFFD', StringComparison.Ordinal)
                    ? "the file name is not valid UTF-8, so it cannot be opened; rename the file"
                    : "the file disappeared before it could be read");
            }

            if (info.Length > _options.MaxFileBytes)
            {
                return ParseResult.Failed(ParseFailureKind.TooLarge, $"the file is {info.Length:N0} bytes, more than the limit of {_options.MaxFileBytes:N0} (DocRag:Ingestion:MaxFileBytes)");
            }

            // On the pool so a parser stuck in synchronous work still lets the timeout answer.
            var result = await Task.Run(() => parser.ParseAsync(path, timeout.Token), timeout.Token).WaitAsync(timeout.Token).ConfigureAwait(false);
            return result.Succeeded && result.Document.Blocks.Count == 0
                ? ParseResult.Failed(ParseFailureKind.Empty, "the document contains no text")
                : result;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ParseResult.Failed(ParseFailureKind.Timeout, $"parsing took longer than {_options.ParseTimeoutSeconds} s (DocRag:Ingestion:ParseTimeoutSeconds)");
        }
        catch (DocumentTooLargeException ex)
        {
            return ParseResult.Failed(ParseFailureKind.TooLarge, ex.Message);
        }
        catch (DocumentDamagedException ex)
        {
            return ParseResult.Failed(ParseFailureKind.Damaged, ex.Message);
        }
        catch (UnauthorizedAccessException)
        {
            return ParseResult.Failed(ParseFailureKind.Unreadable, "permission denied: DocRag may not read this file");
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return ParseResult.Failed(ParseFailureKind.Unreadable, "the file disappeared while it was being read");
        }
        catch (IOException ex)
        {
            return ParseResult.Failed(ParseFailureKind.Unreadable, $"the file could not be read ({ex.Message})");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.ParserFailed(_logger, parser.DocumentType, ex);
            return ParseResult.Failed(ParseFailureKind.Damaged, $"the file could not be parsed as {parser.DocumentType} ({ex.GetType().Name}: {ex.Message})");
        }
    }
}
