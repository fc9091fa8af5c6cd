namespace DocRag.Core.Models;

/// <summary>A catalog model and how much of it is in the models folder.</summary>
/// <param name="Model">The catalog model.</param>
/// <param name="State">Not downloaded, partial or downloaded.</param>
/// <param name="Directory">The model's folder (whether or not it exists).</param>
/// <param name="FilesPresent">Files present with their pinned size.</param>
/// <param name="BytesPresent">Bytes in those files.</param>
public sealed record ModelStatus(
    CatalogModel Model, ModelInstallState State, string Directory, int FilesPresent, long BytesPresent);
