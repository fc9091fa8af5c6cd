using Microsoft.AspNetCore.Http;

namespace DocRag.Server.Tests.WebPage;

/// <summary>
/// A response body that writes Server-Sent Events one at a time, each when <see cref="SseHold"/> lets it pass; any other
/// response (a problem sent before the stream started) goes through untouched.
/// </summary>
internal sealed class HeldEventStream(HttpResponse response, Stream inner, SseHold hold) : Stream
{
    private readonly List<byte> _pending = [];

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (response.ContentType?.StartsWith("text/event-stream", StringComparison.Ordinal) != true)
        {
            await inner.WriteAsync(buffer, cancellationToken);
            return;
        }

        // Events end with a blank line ("\n\n"); each complete one waits for its turn, then goes out and is flushed.
        _pending.AddRange(buffer.Span);
        int end;
        while ((end = EventEnd()) > 0)
        {
            var message = _pending.GetRange(0, end).ToArray();
            _pending.RemoveRange(0, end);
            await hold.WaitTurnAsync(cancellationToken);
            await inner.WriteAsync(message, cancellationToken);
            await inner.FlushAsync(cancellationToken);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        if (_pending.Count > 0)
        {
            await inner.WriteAsync(_pending.ToArray());
            _pending.Clear();
        }

        await base.DisposeAsync();
    }

    private int EventEnd()
    {
        for (var i = 1; i < _pending.Count; i++)
        {
            if (_pending[i] == '\n' && _pending[i - 1] == '\n')
            {
                return i + 1;
            }
        }

        return -1;
    }
}
