namespace DocRag.Core.Models;

/// <summary>The check of a catalog model's files in the models folder.</summary>
/// <param name="Model">The catalog model.</param>
/// <param name="State">The model's overall state.</param>
/// <param name="Files">One check per catalog file, in catalog order.</param>
public sealed record ModelVerification(CatalogModel Model, ModelVerificationState State, IReadOnlyList<FileVerification> Files);
