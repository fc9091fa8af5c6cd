using System.Net;

namespace DocRag.Server.Tests;

/// <summary>A body of unknown length, so HttpClient sends it chunked (no Content-Length for the server to check first).</summary>
internal sealed class ChunkedContent(byte[] body) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        foreach (var chunk in body.Chunk(1024))
        {
            await stream.WriteAsync(chunk);
            await stream.FlushAsync();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
