using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace DocRag.Server.Tests;

/// <summary>Requests to the API as a client makes them, optionally with an API key.</summary>
internal static class ApiRequests
{
    public static HttpRequestMessage Request(HttpMethod method, string url, string? key = null, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = content };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return request;
    }

    public static async Task<T> GetJsonAsync<T>(this HttpClient client, string url, string? key = null)
    {
        using var response = await client.SendAsync(Request(HttpMethod.Get, url, key));
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string url, string? key = null, HttpContent? content = null) =>
        client.SendAsync(Request(method, url, key, content));

    /// <summary>A multipart upload body with the given files and form fields.</summary>
    public static MultipartFormDataContent Upload(IEnumerable<(string FileName, byte[] Content)> files, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        foreach (var (fileName, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", fileName);
        }

        return form;
    }

    public static MultipartFormDataContent Upload(string fileName, string content, params (string Name, string Value)[] fields) =>
        Upload([(fileName, System.Text.Encoding.UTF8.GetBytes(content))], fields);
}
