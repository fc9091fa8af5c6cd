namespace DocRag.Server.Uploads;

/// <summary>What an upload does when the collection folder already has a different file of the same name.</summary>
public enum UploadConflictMode
{
    /// <summary>Refuse the whole upload (409 <c>conflict</c>) and write nothing. The default.</summary>
    Fail = 0,

    /// <summary>Store the file as <c>name (2).ext</c> (the first free number).</summary>
    Rename = 1,

    /// <summary>Replace the existing file (atomically; the document keeps its id and is re-indexed).</summary>
    Replace = 2,
}
