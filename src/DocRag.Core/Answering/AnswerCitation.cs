using System.Text.Json.Serialization;
using DocRag.Core.Storage;

namespace DocRag.Core.Answering;

/// <summary>
/// A passage the answer cites as <c>[N]</c>. <paramref name="N"/> is the number the answer text uses (the passage's
/// number in the prompt), so the text and the citations agree, streamed or not.
/// </summary>
/// <param name="Page">The page the passage starts on (1 for formats without pages).</param>
/// <param name="PageEnd">The page it ends on.</param>
/// <param name="Heading">The heading path joined with " > " (empty when the passage has none).</param>
/// <param name="HeadingPath">The headings above the passage, outermost first.</param>
/// <param name="Snippet">The passage's sentences that best match the question, shortened.</param>
/// <param name="Score">The passage's search score (higher is better, comparable within one answer).</param>
public sealed record AnswerCitation(
    int N,
    [property: JsonConverter(typeof(DocumentIdJsonConverter))] DocumentId DocumentId,
    [property: JsonConverter(typeof(ChunkIdJsonConverter))] ChunkId ChunkId,
    string Path,
    string Collection,
    string Title,
    int Page,
    int PageEnd,
    string Heading,
    IReadOnlyList<string> HeadingPath,
    string Snippet,
    double Score);
