using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DocRag.Server.Tests.WebPage;

/// <summary>
/// Lets a test decide when the server's Server-Sent Events reach the browser, as a slow network would, without timing:
/// events of <c>/v1/ask</c> pass while the allowance lasts and then wait until the test allows more. The server, its
/// model and its events are the real ones; only their delivery is held.
/// </summary>
internal sealed class SseHold
{
    private readonly Lock _lock = new();
    private int _allowance = int.MaxValue;
    private TaskCompletionSource _more = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Adds a middleware that routes <c>/v1/ask</c> responses through this hold (for <see cref="ServerHost.StartAsync"/>'s map).</summary>
    public void Install(WebApplication app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.Equals("/v1/ask", StringComparison.Ordinal))
        {
            context.Response.Body = new HeldEventStream(context.Response, context.Response.Body, this);
        }

        await next(context);
    });

    /// <summary>From now on, let <paramref name="events"/> more events through, then hold the rest.</summary>
    public void Allow(int events)
    {
        lock (_lock)
        {
            _allowance = events;
            Signal();
        }
    }

    /// <summary>Lets every event through from now on.</summary>
    public void ReleaseAll() => Allow(int.MaxValue);

    /// <summary>Waits until one more event may pass, and takes it from the allowance.</summary>
    internal async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task more;
            lock (_lock)
            {
                if (_allowance > 0)
                {
                    if (_allowance != int.MaxValue)
                    {
                        _allowance--;
                    }

                    return;
                }

                more = _more.Task;
            }

            await more.WaitAsync(cancellationToken);
        }
    }

    private void Signal()
    {
        _more.TrySetResult();
        _more = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
