using System.Net.ServerSentEvents;
using DocRag.Core.Answering;
using DocRag.Server.Security;

namespace DocRag.Server.Endpoints;

/// <summary>An answer's events as <c>/v1/ask</c> sends them: <c>token</c>, <c>citations</c>, <c>done</c>, or a final <c>error</c>.</summary>
internal static class AnswerEventStream
{
    public const string Token = "token";
    public const string Citations = "citations";
    public const string Done = "done";
    public const string Error = "error";

    /// <summary>Sends <paramref name="events"/> (already on its first event) and disposes it; stops when the client goes.</summary>
    public static async IAsyncEnumerable<SseItem<object>> ToSse(IAsyncEnumerator<AnswerEvent> events, HttpContext context, ILogger logger, ScopedView view)
    {
        await using (events.ConfigureAwait(false))
        {
            var more = true;
            while (more)
            {
                yield return ToItem(events.Current, view);
                (more, var error) = await StreamedResponse.NextAsync(events).ConfigureAwait(false);
                if (error is not null)
                {
                    yield return new SseItem<object>(StreamedResponse.Problem(context, error, logger), Error);
                }
            }
        }
    }

    private static SseItem<object> ToItem(AnswerEvent step, ScopedView view) => step switch
    {
        AnswerTokenEvent token => new SseItem<object>(new AskTokenData(token.Text), Token),
        AnswerCitationsEvent citations => new SseItem<object>(new AskCitationsData(view.Citations(citations.Citations)), Citations),
        AnswerDoneEvent done => new SseItem<object>(view.AnswerOf(done.Answer), Done),
        _ => throw new InvalidOperationException($"Unknown answer event {step.GetType().Name}."),
    };
}
