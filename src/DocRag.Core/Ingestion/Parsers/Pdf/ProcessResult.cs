namespace DocRag.Core.Ingestion.Parsers.Pdf;

/// <summary>What a child process returned: exit code, stdout bytes (up to the limit) and the start of stderr.</summary>
internal sealed record ProcessResult(int ExitCode, byte[] Output, string Error, bool OutputLimitExceeded);
