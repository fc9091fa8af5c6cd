using System.ComponentModel.DataAnnotations;

namespace DocRag.Server.Endpoints.OpenAi;

/// <summary>
/// The <c>docrag</c> field of a chat request (DocRag's extension; OpenAI clients can send it as an extra body field):
/// <c>rag: false</c> talks to the generator without the documents; <c>collection</c>, <c>topK</c> and <c>searchMode</c>
/// shape the retrieval as in <c>/v1/ask</c>.
/// </summary>
public sealed record DocRagChatOptions(
    bool Rag = true,
    [property: StringLength(200, MinimumLength = 1)] string? Collection = null,
    [property: Range(1, 100)] int? TopK = null,
    [property: AllowedValues("keyword", "vector", "hybrid", null)] string? SearchMode = null);
