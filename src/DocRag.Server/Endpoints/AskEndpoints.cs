using DocRag.Core.Answering;
using DocRag.Core.Retrieval;
using DocRag.Server.Problems;
using DocRag.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocRag.Server.Endpoints;

/// <summary>
/// <c>POST /v1/ask</c>: a grounded answer with citations, as JSON or (with <c>stream: true</c>) as Server-Sent Events:
/// <c>token</c> events (<c>{"text"}</c>), one <c>citations</c> event (<c>{"citations"}</c>), then <c>done</c> (the whole
/// answer: text, citations, noAnswer, usage, timings). A failure after the stream started ends it with an <c>error</c>
/// event carrying a problem (<c>code</c>, <c>detail</c>, <c>correlationId</c>); failures before it are problems with
/// their status (400, 403, 429 with Retry-After, 503).
/// </summary>
public static class AskEndpoints
{
    public static RouteGroupBuilder MapAsk(this RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        v1.MapPost("/ask", Ask)
            .WithName("Ask")
            .WithTags("Answers")
            .WithSummary("Answer a question from the documents, with citations (JSON, or SSE with stream: true)")
            .Produces<Answer>(StatusCodes.Status200OK, "application/json", "text/event-stream")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireReadiness();
        return v1;
    }

    private static async Task<Results<Ok<Answer>, ServerSentEventsResult<object>, ValidationProblem>> Ask(
        AskRequest body, HttpContext context, AnswerService answers, ILoggerFactory loggers)
    {
        var cancellationToken = context.RequestAborted;
        var request = ToRequest(context, body);
        try
        {
            var view = await ScopedView.ForAsync(context, cancellationToken).ConfigureAwait(false);
            if (!body.Stream)
            {
                return TypedResults.Ok(view.AnswerOf(await answers.AnswerAsync(request, cancellationToken).ConfigureAwait(false)));
            }

            // The first step runs before the response starts, so refusals (busy, no model) are still proper problems.
            var events = await StreamedResponse.StartAsync(answers.StreamAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
            return TypedResults.ServerSentEvents(AnswerEventStream.ToSse(events, context, loggers.CreateLogger(typeof(AskEndpoints)), view));
        }
        catch (QuestionTooLongException ex)
        {
            return DocRagProblems.Validation(new Dictionary<string, string[]> { ["question"] = [ex.Message] });
        }
    }

    private static AnswerRequest ToRequest(HttpContext context, AskRequest body) =>
        new(body.Question)
        {
            Collection = body.Collection,
            AllowedCollections = CollectionAccess.ResolveSearchScope(context, body.Collection),
            TopK = body.TopK,
            Mode = body.Mode,
            SearchMode = body.SearchMode is { } mode ? Enum.Parse<SearchMode>(mode, ignoreCase: true) : null,
            MaxOutputTokens = body.MaxTokens,
            Temperature = body.Temperature,
            Seed = body.Seed,
        };
}
