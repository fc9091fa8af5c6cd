using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DocRag.Server.Problems;

/// <summary>
/// Builds the API's ProblemDetails. Endpoints return these from their <c>Results&lt;...&gt;</c>; middleware and handlers
/// write them with <see cref="WriteAsync"/>. Either way the body carries <c>type</c>, <c>code</c> and <c>correlationId</c>.
/// </summary>
public static class DocRagProblems
{
    /// <summary>A problem result of the given type; <paramref name="detail"/> says what to do about it.</summary>
    public static ProblemHttpResult Create(ProblemType type, string? detail = null, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(Build(type, type.Status, detail, extensions));

    public static ProblemHttpResult NotFound(string detail) => Create(ProblemTypes.NotFound, detail);

    public static ProblemHttpResult Conflict(string detail) => Create(ProblemTypes.Conflict, detail);

    public static ProblemHttpResult CollectionForbidden(string collection) =>
        Create(ProblemTypes.CollectionForbidden, $"This API key may not use collection '{collection}'.",
            new Dictionary<string, object?> { ["collection"] = collection });

    /// <summary>A 400 <c>validation-failed</c> listing each invalid field (camelCase name) with its messages.</summary>
    public static ValidationProblem Validation(IDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.ValidationProblem(errors, detail ?? ProblemTypes.ValidationFailed.DefaultDetail,
            type: ProblemTypes.ValidationFailed.Uri, title: ProblemTypes.ValidationFailed.Title,
            extensions: new Dictionary<string, object?> { [ProblemTypes.CodeExtension] = ProblemTypes.ValidationFailed.Code });

    /// <summary>A ProblemDetails of the given type and status (the type's own status unless it is <see cref="ProblemTypes.HttpError"/>).</summary>
    public static ProblemDetails Build(ProblemType type, int status, string? detail = null, IDictionary<string, object?>? extensions = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        var problem = new ProblemDetails
        {
            Type = type.Uri,
            Status = status,
            Title = type.Title,
            Detail = detail ?? type.DefaultDetail,
        };
        if (extensions is not null)
        {
            foreach (var (key, value) in extensions)
            {
                problem.Extensions[key] = value;
            }
        }

        problem.Extensions[ProblemTypes.CodeExtension] = type.Code;
        return problem;
    }

    /// <summary>Writes a problem response (outside an endpoint), with <c>Retry-After</c> when given.</summary>
    public static async ValueTask WriteAsync(
        HttpContext context, ProblemType type, string? detail = null, TimeSpan? retryAfter = null,
        IDictionary<string, object?>? extensions = null, int? status = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var code = status ?? type.Status;
        context.Response.StatusCode = code;
        if (retryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds(wait).ToString(CultureInfo.InvariantCulture);
        }

        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await service.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = Build(type, code, detail, extensions),
        }).ConfigureAwait(false);
    }

    /// <summary>Whole seconds for <c>Retry-After</c>, rounded up, at least 1.</summary>
    public static int RetryAfterSeconds(TimeSpan wait) => (int)Math.Clamp(Math.Ceiling(wait.TotalSeconds), 1, int.MaxValue);
}
