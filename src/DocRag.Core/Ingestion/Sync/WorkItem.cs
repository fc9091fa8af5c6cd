using DocRag.Core.Storage;

namespace DocRag.Core.Ingestion.Sync;

/// <summary>A file a sync must (re)index: what the scan saw, its content fingerprint when it could be hashed, its current row.</summary>
internal sealed record WorkItem(ScannedFile File, FileFingerprint? Fingerprint, StoredDocument? Existing);
