using DocRag.Core.Hosting;
using DocRag.Server.Problems;
using Microsoft.AspNetCore.Mvc;

namespace DocRag.Server.Endpoints;

/// <summary>
/// Helpers for responses streamed as Server-Sent Events: the first item is produced before the response starts (so a
/// refusal is still a problem with its status), and a failure afterwards becomes a problem the stream can send as its
/// last event (the status line has gone by then).
/// </summary>
internal static class StreamedResponse
{
    /// <summary>The stream's enumerator, already on its first item; failures before it are thrown here.</summary>
    public static async Task<IAsyncEnumerator<T>> StartAsync<T>(IAsyncEnumerable<T> source, CancellationToken cancellationToken)
    {
        var items = source.GetAsyncEnumerator(cancellationToken);
        try
        {
            if (!await items.MoveNextAsync().ConfigureAwait(false))
            {
                throw new InvalidOperationException("The stream ended before its first item.");
            }

            return items;
        }
        catch
        {
            await items.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Moves to the next item; a failure (other than cancellation) is returned instead of thrown.</summary>
    public static async Task<(bool HasNext, Exception? Error)> NextAsync<T>(IAsyncEnumerator<T> items)
    {
        try
        {
            return (await items.MoveNextAsync().ConfigureAwait(false), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (false, ex);
        }
    }

    /// <summary>The problem for a failure after the stream started; unexpected ones are logged with the correlation id.</summary>
    public static ProblemDetails Problem(HttpContext context, Exception error, ILogger logger)
    {
        var (type, detail) = error switch
        {
            ServiceBusyException busy => (ProblemTypes.ServiceBusy, busy.Message),
            ServiceUnavailableException unavailable => (ProblemTypes.ServiceUnavailable, unavailable.Message),
            _ => (ProblemTypes.InternalError,
                $"The answer failed after it started. It was logged with correlation id {context.TraceIdentifier}; quote it when reporting the problem."),
        };
        if (type == ProblemTypes.InternalError)
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? "";
            Log.StreamFailed(logger, context.Request.Method, route, context.TraceIdentifier, error);
        }

        var problem = DocRagProblems.Build(type, type.Status, detail);
        DocRagProblemDetailsWriter.Enrich(context, problem);
        return problem;
    }
}
