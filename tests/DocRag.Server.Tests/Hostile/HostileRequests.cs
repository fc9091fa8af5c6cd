using System.Net;
using System.Text;
using static DocRag.Server.Tests.Hostile.HostileRequest;

namespace DocRag.Server.Tests.Hostile;

/// <summary>
/// The catalogue of malformed and hostile requests: broken JSON, wrong types and content types, oversized bodies, FTS5
/// syntax and unicode edge cases in queries. Errors must be the documented ProblemDetails; odd queries a normal result.
/// </summary>
internal static class HostileRequests
{
    private const string Search = "/v1/search";
    private const string Ask = "/v1/ask";
    private const string Sync = "/v1/index/sync";

    public static IReadOnlyDictionary<string, HostileRequest> All { get; } = new Dictionary<string, HostileRequest>(StringComparer.Ordinal)
    {
        // Broken JSON.
        ["json-truncated"] = Json(Search, "{\"query\": \"penguins\",", HttpStatusCode.BadRequest, "invalid-json"),
        ["json-not-json"] = Json(Search, "query=penguins", HttpStatusCode.BadRequest, "invalid-json"),
        ["json-trailing-garbage"] = Json(Search, "{\"query\":\"penguins\"}}", HttpStatusCode.BadRequest, "invalid-json"),
        ["json-array"] = Json(Search, "[\"penguins\"]", HttpStatusCode.BadRequest, "invalid-json"),
        ["json-null-literal"] = Json(Search, "null", HttpStatusCode.BadRequest, "bad-request"),
        ["json-empty-body"] = Json(Search, "", HttpStatusCode.BadRequest, "bad-request"),
        ["json-wrong-type"] = Json(Search, "{\"query\": 42}", HttpStatusCode.BadRequest, "invalid-json"),
        ["json-topk-overflow"] = Json(Search, "{\"query\":\"penguins\",\"topK\":99999999999999999999}", HttpStatusCode.BadRequest, "invalid-json"),
        ["json-deep-nesting"] = Json(Search, "{\"query\":\"penguins\",\"mode\":" + new string('[', 5000) + new string(']', 5000) + "}", HttpStatusCode.BadRequest, "invalid-json"),
        ["json-raw-control-character"] = Json(Search, "{\"query\":\"pen\u0000guins\u0007\"}", HttpStatusCode.BadRequest, "invalid-json"),
        ["json-comments"] = Json(Search, "{/* hi */\"query\":\"penguins\"}", HttpStatusCode.BadRequest, "invalid-json"),
        ["json-invalid-utf8"] = Raw(Search, "application/json", [.. "{\"query\":\"pengu"u8, 0xC3, 0x28, 0xFF, .. "ins\"}"u8], HttpStatusCode.BadRequest, "invalid-json"),
        ["json-utf16-body"] = Raw(Search, "application/json", Encoding.Unicode.GetBytes("{\"query\":\"penguins\"}"), HttpStatusCode.BadRequest, "invalid-json"),
        ["json-lone-surrogate-escape"] = Json(Search, "{\"query\":\"\\ud800penguins\"}", HttpStatusCode.BadRequest, "invalid-json"),
        ["json-reversed-surrogates"] = Json(Search, "{\"query\":\"\\udc00\\ud800 penguins\"}", HttpStatusCode.BadRequest, "invalid-json"),
        ["ask-invalid-json"] = Json(Ask, "{\"question\": ", HttpStatusCode.BadRequest, "invalid-json"),
        ["sync-invalid-json"] = Json(Sync, "{\"collection\": [}", HttpStatusCode.BadRequest, "invalid-json"),

        // Validation.
        ["search-blank-query"] = Json(Search, "{\"query\":\"   \"}", HttpStatusCode.BadRequest, "validation-failed"),
        ["search-topk-zero"] = Json(Search, "{\"query\":\"penguins\",\"topK\":0}", HttpStatusCode.BadRequest, "validation-failed"),
        ["search-unknown-mode"] = Json(Search, "{\"query\":\"penguins\",\"mode\":\"'; DROP TABLE chunks; --\"}", HttpStatusCode.BadRequest, "validation-failed"),
        ["search-query-10k-chars"] = Json(Search, "{\"query\":\"" + string.Concat(Enumerable.Repeat("penguins ", 1112)) + "\"}", HttpStatusCode.BadRequest, "validation-failed"),
        ["ask-question-10k-chars"] = Json(Ask, "{\"question\":\"" + new string('q', 10_000) + "\"}", HttpStatusCode.BadRequest, "validation-failed"),

        // Wrong content types and methods.
        ["content-type-text-plain"] = Raw(Search, "text/plain", "{\"query\":\"penguins\"}"u8.ToArray(), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type"),
        ["content-type-form"] = Raw(Search, "application/x-www-form-urlencoded", "query=penguins"u8.ToArray(), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type"),
        ["content-type-xml"] = Raw(Ask, "application/xml", "<question>penguins</question>"u8.ToArray(), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type"),
        ["content-type-missing"] = Raw(Search, null, "{\"query\":\"penguins\"}"u8.ToArray(), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type"),
        ["content-type-multipart-to-search"] = Raw(Search, "multipart/form-data; boundary=x", "--x\r\n\r\nq\r\n--x--\r\n"u8.ToArray(), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type"),
        ["upload-as-json"] = Json("/v1/documents", "{\"files\":[\"../../etc/passwd\"]}", HttpStatusCode.UnsupportedMediaType, "unsupported-media-type"),
        ["upload-multipart-without-boundary"] = Raw("/v1/documents", "multipart/form-data", "garbage"u8.ToArray(), HttpStatusCode.BadRequest, "bad-request"),
        ["search-get"] = new(HttpMethod.Get, Search, null, [], HttpStatusCode.MethodNotAllowed, "method-not-allowed"),
        ["unknown-route-traversal"] = new(HttpMethod.Get, "/v1/../../etc/passwd", null, [], HttpStatusCode.NotFound, "not-found"),

        // Huge bodies: over DocRag:Server:MaxRequestBodyBytes (4 MiB by default).
        ["huge-json-body"] = Json(Search, "{\"query\":\"penguins\",\"collection\":\"" + new string('a', 5 * 1024 * 1024) + "\"}", HttpStatusCode.RequestEntityTooLarge, "request-too-large"),
        ["huge-body-wrong-type"] = Raw(Search, "text/plain", new byte[5 * 1024 * 1024], HttpStatusCode.RequestEntityTooLarge, "request-too-large"),

        // FTS5 syntax in queries: searched as words, a normal result.
        ["fts-lone-quote"] = Json(Search, "{\"query\":\"\\\"\"}", HttpStatusCode.OK),
        ["fts-unbalanced-phrase"] = Json(Search, "{\"query\":\"\\\"emperor penguins\"}", HttpStatusCode.OK),
        ["fts-star"] = Json(Search, "{\"query\":\"pengu* *\"}", HttpStatusCode.OK),
        ["fts-near"] = Json(Search, "{\"query\":\"NEAR(penguins winter, 2\"}", HttpStatusCode.OK),
        ["fts-and-or-not"] = Json(Search, "{\"query\":\"penguins AND OR NOT\"}", HttpStatusCode.OK),
        ["fts-only-operators"] = Json(Search, "{\"query\":\"AND OR NOT NEAR\"}", HttpStatusCode.OK),
        ["fts-caret"] = Json(Search, "{\"query\":\"^penguins ^\"}", HttpStatusCode.OK),
        ["fts-column-filter"] = Json(Search, "{\"query\":\"title:penguins text:birds {heading text}: winter\"}", HttpStatusCode.OK),
        ["fts-parentheses"] = Json(Search, "{\"query\":\")) penguins ((\"}", HttpStatusCode.OK),
        ["fts-sql-injection"] = Json(Search, "{\"query\":\"penguins'); DROP TABLE chunks; --\"}", HttpStatusCode.OK),
        ["fts-in-ask"] = Json(Ask, "{\"question\":\"\\\"penguins NEAR( title: ^winter* AND\"}", HttpStatusCode.OK),

        // Unicode edge cases: a normal result.
        ["unicode-rtl-marks"] = Json(Search, "{\"query\":\"\u200Fpenguins\u202Ebirds\u202C\"}", HttpStatusCode.OK),
        ["unicode-zero-width"] = Json(Search, "{\"query\":\"pen\u200Bguins\u200D\uFEFF\"}", HttpStatusCode.OK),
        ["unicode-emoji"] = Json(Search, "{\"query\":\"🐧 penguins 👨‍👩‍👧 🏳️‍🌈\"}", HttpStatusCode.OK),
        ["unicode-combining-marks"] = Json(Search, "{\"query\":\"pe\u0301\u0301\u0301nguins Z\u0335\u0321\u0322a\u0336\u0327\"}", HttpStatusCode.OK),
        ["unicode-escaped-nul"] = Json(Search, "{\"query\":\"penguins\\u0000birds\"}", HttpStatusCode.OK),
        ["unicode-only-controls"] = Json(Search, "{\"query\":\"\\u0001\\u0002\\u0007\"}", HttpStatusCode.OK),
        ["unicode-noncharacters"] = Json(Search, "{\"query\":\"\uFFFE\uFFFF penguins \uFDD0\"}", HttpStatusCode.OK),
        ["unicode-4000-chars"] = Json(Search, "{\"query\":\"" + string.Concat(Enumerable.Repeat("penguin🐧 ", 400)) + "\"}", HttpStatusCode.OK),
        ["unicode-collection-name"] = Json(Search, "{\"query\":\"penguins\",\"collection\":\"\u202Eeng\\u0000../\"}", HttpStatusCode.OK),
    };

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in All.Keys)
        {
            data.Add(name);
        }

        return data;
    }
}
