namespace DocRag.Core.Models;

/// <summary>The check of one file.</summary>
/// <param name="File">The catalog file.</param>
/// <param name="Path">Its full path in the models folder.</param>
/// <param name="State">Ok, unpinned, missing or corrupt.</param>
/// <param name="Detail">One line saying what was found.</param>
public sealed record FileVerification(CatalogFile File, string Path, FileVerificationState State, string Detail);
