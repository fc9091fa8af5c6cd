namespace DocRag.Core.Models;

/// <summary>
/// The built-in catalog. Every revision is a commit (never a branch) so that the pinned hashes stay true; each entry
/// says where its hashes came from. Files whose exact bytes could not be confirmed carry no hash and are reported as
/// "not pinned" by <c>pull</c> and <c>verify</c>.
/// </summary>
internal static partial class BuiltInModels
{
    // A getter, not an initialiser: the entries live in other parts of this partial class, whose field initialisers
    // have no defined order relative to this file's.
    public static IReadOnlyList<CatalogModel> All =>
    [
        MultilingualE5Small,
        AllMiniLmL6V2,
        AllMiniLmL6V2NuGet,
        ArcticEmbedXs,
        Qwen25Instruct05B,
        Qwen25Instruct15B,
        Llama32Instruct1B,
    ];

    private static CatalogFile Pinned(string path, long size, string sha256) => new(path, path, size, sha256);

    private static CatalogFile NotPinned(string path) => new(path, path, null, null);
}
