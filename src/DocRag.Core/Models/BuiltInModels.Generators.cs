namespace DocRag.Core.Models;

internal static partial class BuiltInModels
{
    // Qwen/Qwen2.5-0.5B-Instruct-GGUF at 9217f5db. The GGUF is a Git LFS object: sha256 and size are its LFS oid, as
    // recorded by independent projects from the Hub's X-Linked-ETag / file page at this commit (several agree).
    private static readonly CatalogModel Qwen25Instruct05B = new(
        Name: "qwen2.5-0.5b-instruct-q4_k_m",
        Role: ModelRole.Generator,
        Languages: "29+ incl. en, zh, es, fr, de, pt, it, ru, ja, ko, vi, th, ar",
        Licence: "Apache-2.0",
        Repository: "Qwen/Qwen2.5-0.5B-Instruct-GGUF",
        Revision: "9217f5db79a29953eb74d5343926648285ec7e67",
        Files:
        [
            Pinned("qwen2.5-0.5b-instruct-q4_k_m.gguf", 491_400_032,
                "74a4da8c9fdbcd15bd1f6d01d621410d31c6fc00986f5eb687824e7b93d7a9db"),
        ],
        Generator: new GeneratorModelInfo(ContextLength: 32_768, ChatTemplate: "chatml"));

    // Qwen/Qwen2.5-1.5B-Instruct-GGUF at 91cad511. LFS oid and size as recorded from the Hub's resolve redirect
    // (X-Repo-Commit 91cad511, X-Linked-ETag) by independent projects; the same oid is quoted for commit a615a813.
    private static readonly CatalogModel Qwen25Instruct15B = new(
        Name: "qwen2.5-1.5b-instruct-q4_k_m",
        Role: ModelRole.Generator,
        Languages: "29+ incl. en, zh, es, fr, de, pt, it, ru, ja, ko, vi, th, ar",
        Licence: "Apache-2.0",
        Repository: "Qwen/Qwen2.5-1.5B-Instruct-GGUF",
        Revision: "91cad51170dc346986eccefdc2dd33a9da36ead9",
        Files:
        [
            Pinned("qwen2.5-1.5b-instruct-q4_k_m.gguf", 1_117_320_736,
                "6a1a2eb6d15622bf3c96857206351ba97e1af16c30d7a74ee38970e434e9407e"),
        ],
        Generator: new GeneratorModelInfo(ContextLength: 32_768, ChatTemplate: "chatml"));

    // bartowski/Llama-3.2-1B-Instruct-GGUF at 067b946c. LFS oid and size as recorded from the Hub's resolve redirect
    // (X-Repo-Commit 067b946c, X-Linked-ETag) by independent projects that pin this commit.
    private static readonly CatalogModel Llama32Instruct1B = new(
        Name: "llama-3.2-1b-instruct-q4_k_m",
        Role: ModelRole.Generator,
        Languages: "en, de, fr, it, pt, hi, es, th",
        Licence: "Llama 3.2 Community License",
        Repository: "bartowski/Llama-3.2-1B-Instruct-GGUF",
        Revision: "067b946cf014b7c697f3654f621d577a3e3afd1c",
        Files:
        [
            Pinned("Llama-3.2-1B-Instruct-Q4_K_M.gguf", 807_694_464,
                "6f85a640a97cf2bf5b8e764087b1e83da0fdb51d7c9fab7d0fece9385611df83"),
        ],
        Generator: new GeneratorModelInfo(ContextLength: 131_072, ChatTemplate: "llama3"));
}
