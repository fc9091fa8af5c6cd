using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace DocRag.Server.Tests.Hostile;

/// <summary>One malformed or hostile request and what the server must answer: a status and, for errors, the problem code.</summary>
internal sealed record HostileRequest(HttpMethod Method, string Url, string? ContentType, byte[] Body, HttpStatusCode Status, string? Code)
{
    /// <summary>Bodies from this size on are sent after <c>Expect: 100-continue</c>, as curl does, so a 413 comes before the body.</summary>
    private const int ExpectContinueBytes = 1024 * 1024;

    public static HostileRequest Json(string url, string json, HttpStatusCode status, string? code = null) =>
        new(HttpMethod.Post, url, "application/json", Encoding.UTF8.GetBytes(json), status, code);

    public static HostileRequest Raw(string url, string? contentType, byte[] body, HttpStatusCode status, string? code = null) =>
        new(HttpMethod.Post, url, contentType, body, status, code);

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, new Uri(Url, UriKind.Relative));
        if (Method != HttpMethod.Get)
        {
            var content = new ByteArrayContent(Body);
            content.Headers.ContentType = ContentType is null ? null : MediaTypeHeaderValue.Parse(ContentType);
            message.Content = content;
            message.Headers.ExpectContinue = Body.Length >= ExpectContinueBytes;
        }

        return message;
    }
}
