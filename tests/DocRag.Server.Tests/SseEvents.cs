using System.Net.ServerSentEvents;
using System.Text.Json;

namespace DocRag.Server.Tests;

/// <summary>Reads a <c>text/event-stream</c> response with the framework's SSE parser, as a browser client would.</summary>
internal static class SseEvents
{
    public static async Task<List<(string Type, JsonElement Data)>> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var events = new List<(string, JsonElement)>();
        await foreach (var item in SseParser.Create(stream).EnumerateAsync())
        {
            events.Add((item.EventType, item.Data == "[DONE]" ? default : JsonDocument.Parse(item.Data).RootElement.Clone()));
        }

        return events;
    }
}
