namespace DocRag.Core.Models;

/// <summary>Why a pull failed.</summary>
public enum ModelDownloadErrorKind
{
    /// <summary>The host could not be reached at all (DNS failure, connection refused, connect timeout, TLS).</summary>
    Unreachable,

    /// <summary>The server has no such file (HTTP 404).</summary>
    NotFound,

    /// <summary>The server refused the request (HTTP 401/403) or answered with another error status.</summary>
    HttpError,

    /// <summary>The connection kept failing and the retries ran out.</summary>
    RetriesExhausted,

    /// <summary>The downloaded bytes do not match the pinned size or SHA-256; the partial file was deleted.</summary>
    Corrupt,

    /// <summary>The file could not be written into the models folder.</summary>
    Storage,
}
