namespace DocRag.Core.Storage;

/// <summary>
/// The index schema, one script per version (<c>PRAGMA user_version</c> records the last applied). Add a script to
/// change the schema; never edit one that has shipped. Table and column names are a contract (docs/ARCHITECTURE.md).
/// </summary>
internal static class SchemaMigrations
{
    public static IReadOnlyList<string> All { get; } =
    [
        """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE collections(name TEXT PRIMARY KEY, root TEXT) WITHOUT ROWID;
        CREATE TABLE documents(
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            collection TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            mtime INTEGER NOT NULL,
            type TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('indexed', 'failed')),
            error TEXT,
            reason TEXT,
            note TEXT,
            title TEXT,
            pages INTEGER NOT NULL DEFAULT 0,
            language TEXT NOT NULL DEFAULT 'other',
            chunk_count INTEGER NOT NULL DEFAULT 0,
            chunker TEXT,
            indexed_at TEXT NOT NULL);
        CREATE INDEX documents_collection ON documents(collection, status);
        CREATE INDEX documents_sha256 ON documents(sha256);
        CREATE TABLE chunks(
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            text TEXT NOT NULL,
            heading TEXT NOT NULL,
            page_start INTEGER NOT NULL,
            page_end INTEGER NOT NULL,
            char_start INTEGER NOT NULL,
            char_end INTEGER NOT NULL,
            token_count INTEGER NOT NULL,
            UNIQUE(document_id, ordinal));
        CREATE TABLE vectors(
            chunk_id INTEGER PRIMARY KEY REFERENCES chunks(id) ON DELETE CASCADE,
            model TEXT NOT NULL,
            dimension INTEGER NOT NULL,
            vector BLOB NOT NULL);
        CREATE VIRTUAL TABLE chunks_fts USING fts5(
            title, heading, text,
            content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
        CREATE TRIGGER chunks_fts_delete AFTER DELETE ON chunks BEGIN
            DELETE FROM chunks_fts WHERE rowid = old.id;
        END;
        INSERT INTO meta(key, value) VALUES ('version', '0');
        """,
    ];
}
