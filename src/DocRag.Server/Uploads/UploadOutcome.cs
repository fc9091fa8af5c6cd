namespace DocRag.Server.Uploads;

/// <summary>What happened to one uploaded file.</summary>
public enum UploadOutcome
{
    /// <summary>Written under its (sanitised) name.</summary>
    Created = 0,

    /// <summary>Written under a numbered name because a different file had its name.</summary>
    Renamed = 1,

    /// <summary>Written over a different file of the same name (on request).</summary>
    Replaced = 2,

    /// <summary>A file with the same name and the same content was there already: nothing written (a retry is harmless).</summary>
    Unchanged = 3,
}
