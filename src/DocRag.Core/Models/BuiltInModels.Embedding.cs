namespace DocRag.Core.Models;

internal static partial class BuiltInModels
{
    // intfloat/multilingual-e5-small at 614241f6. Hash provenance:
    // - onnx/model.onnx and tokenizer.json are Git LFS objects; their sha256/size are the LFS oids that many
    //   independent projects pin for this exact revision and verify on download (e.g. GitHub code quoting
    //   ".../resolve/614241f6.../onnx/model.onnx" with 470268510 bytes / ca456c06...).
    // - tokenizer_config.json, special_tokens_map.json, 1_Pooling/config.json and sentence_bert_config.json are small
    //   files: their exact bytes were rebuilt here (transformers' / sentence-transformers' JSON layout) and their
    //   sha256 computed, and each equals the value quoted for this revision by those projects.
    // - config.json (655 bytes) is NOT pinned: its exact bytes could not be obtained here to compute the hash.
    private static readonly CatalogModel MultilingualE5Small = new(
        Name: "multilingual-e5-small",
        Role: ModelRole.Embedding,
        Languages: "multilingual (~100 languages)",
        Licence: "MIT",
        Repository: "intfloat/multilingual-e5-small",
        Revision: "614241f622f53c4eeff9890bdc4f31cfecc418b3",
        Files:
        [
            Pinned("onnx/model.onnx", 470_268_510, "ca456c06b3a9505ddfd9131408916dd79290368331e7d76bb621f1cba6bc8665"),
            Pinned("tokenizer.json", 17_082_730, "0b44a9d7b51c3c62626640cda0e2c2f70fdacdc25bbbd68038369d14ebdf4c39"),
            NotPinned("config.json"),
            Pinned("tokenizer_config.json", 443, "a1d6bc8734a6f635dc158508bef000f8e2e5a759c7d92f984b2c86e5ff53425b"),
            Pinned("special_tokens_map.json", 167, "d05497f1da52c5e09554c0cd874037a083e1dc1b9cfd48034d1c717f1afc07a7"),
            Pinned("1_Pooling/config.json", 200, "987f7a67a38fa564c849bb5d277c52ab9088a84368fc0be31a354125aebb12a0"),
            Pinned("sentence_bert_config.json", 57, "948201d8329907aae938fa62f9ceeed53f5694dacc2b87b9f3b78b37ee986529"),
        ],
        Embedding: new EmbeddingModelInfo(
            Dimension: 384,
            QueryPrefix: "query: ",
            PassagePrefix: "passage: ",
            Pooling: "mean",
            MaxSequenceLength: 512,
            Normalize: true,
            Languages: [EmbeddingModelInfo.AnyLanguage]));

    // Xenova/all-MiniLM-L6-v2 (transformers.js export of sentence-transformers/all-MiniLM-L6-v2) at 48a5a372.
    // Hash provenance: a byte-exact git mirror of the Hugging Face repository (GitHub Xyntopia/all-MiniLM-L6-v2,
    // same commit ids as the Hub): onnx/model.onnx from its LFS pointer (oid + size), the other files hashed from
    // their exact content at this commit. The Hub's tree API at the child commit 751bff37 reports the same blobs.
    // The pooling and sentence-transformers configs are not in the Xenova repo: they come from
    // sentence-transformers/all-MiniLM-L6-v2 at 1110a243; their bytes were rebuilt here and hashed, and each equals
    // the value quoted for that revision by projects that verify it.
    private static readonly CatalogModel AllMiniLmL6V2 = new(
        Name: "all-minilm-l6-v2",
        Role: ModelRole.Embedding,
        Languages: "en",
        Licence: "Apache-2.0",
        Repository: "Xenova/all-MiniLM-L6-v2",
        Revision: "48a5a372879ed2ed147ab84836e345977276d9b2",
        Files:
        [
            Pinned("onnx/model.onnx", 90_387_606, "759c3cd2b7fe7e93933ad23c4c9181b7396442a2ed746ec7c1d46192c469c46e"),
            Pinned("tokenizer.json", 711_661, "da0e79933b9ed51798a3ae27893d3c5fa4a201126cef75586296df9b4d2c62a0"),
            Pinned("vocab.txt", 231_508, "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3"),
            Pinned("config.json", 650, "7135149f7cffa1a573466c6e4d8423ed73b62fd2332c575bf738a0d033f70df7"),
            Pinned("tokenizer_config.json", 366, "9261e7d79b44c8195c1cada2b453e55b00aeb81e907a6664974b4d7776172ab3"),
            Pinned("special_tokens_map.json", 125, "b6d346be366a7d1d48332dbc9fdf3bf8960b5d879522b7799ddba59e76237ee3"),
            SentenceTransformersMiniLm(
                "1_Pooling/config.json", 190, "4be450dde3b0273bb9787637cfbd28fe04a7ba6ab9d36ac48e92b11e350ffc23"),
            SentenceTransformersMiniLm(
                "sentence_bert_config.json", 53, "fc1993fde0a95c24ec6c022539d41cf6e2f7c9721e5415d6fb6897472a9cd4b7"),
        ],
        Embedding: new EmbeddingModelInfo(
            Dimension: 384,
            QueryPrefix: "",
            PassagePrefix: "",
            Pooling: "mean",
            MaxSequenceLength: 256,
            Normalize: true,
            Languages: ["en"]));

    private static CatalogFile SentenceTransformersMiniLm(string path, long size, string sha256) =>
        new(path, path, size, sha256, "sentence-transformers/all-MiniLM-L6-v2", "1110a243fdf4706b3f48f1d95db1a4f5529b4d41");
}
