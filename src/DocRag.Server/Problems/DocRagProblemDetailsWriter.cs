using System.Text.Json;
using DocRag.Server.Endpoints.OpenAi;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace DocRag.Server.Problems;

/// <summary>
/// Writes every ProblemDetails the host produces (endpoints, status code pages, exception handler, auth, rate limits)
/// as <c>application/problem+json</c>, whatever the <c>Accept</c> header, after giving it a DocRag <c>type</c>, <c>code</c>
/// and <c>correlationId</c>. Registered ahead of the framework's writer, so nothing else adds details (no stack traces).
/// </summary>
internal sealed class DocRagProblemDetailsWriter(IOptions<JsonOptions> jsonOptions) : IProblemDetailsWriter
{
    private const string ContentType = "application/problem+json";
    private readonly JsonSerializerOptions _serializerOptions = jsonOptions.Value.SerializerOptions;

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        Enrich(http, problem);
        http.Response.StatusCode = problem.Status!.Value;
        var typeInfo = _serializerOptions.GetTypeInfo(problem.GetType());
        return new(http.Response.WriteAsJsonAsync(problem, typeInfo, ContentType, http.RequestAborted));
    }

    /// <summary>Fills in what framework-made problems (bare status codes, validation) lack; keeps what is already set.</summary>
    internal static void Enrich(HttpContext http, ProblemDetails problem)
    {
        var status = problem.Status ?? http.Response.StatusCode;
        problem.Status = status;
        var type = ProblemTypes.FromUri(problem.Type)
            ?? (problem.Extensions.TryGetValue(ProblemTypes.CodeExtension, out var code) && code is string text ? ProblemTypes.FromCode(text) : null);
        if (type is null)
        {
            type = problem is HttpValidationProblemDetails && status == 400 ? ProblemTypes.ValidationFailed : ProblemTypes.ForStatus(status);
            problem.Type = type.Uri;
            problem.Title = type.Title;
            problem.Detail ??= type.DefaultDetail;
        }

        if (problem is HttpValidationProblemDetails validation)
        {
            CamelCaseFieldNames(validation.Errors);
        }

        problem.Extensions[ProblemTypes.CodeExtension] = type.Code;
        problem.Extensions.Remove("traceId");
        problem.Extensions[ProblemTypes.CorrelationIdExtension] = http.TraceIdentifier;
        if (OpenAiErrors.Applies(http))
        {
            OpenAiErrors.AddErrorMember(problem);
        }
    }

    // Validation names members as declared in C# (TopK, Filters[0].Path); clients send and read camelCase JSON.
    private static void CamelCaseFieldNames(IDictionary<string, string[]> errors)
    {
        foreach (var key in errors.Keys.ToList())
        {
            var camel = string.Join('.', key.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
            if (camel != key)
            {
                var messages = errors[key];
                errors.Remove(key);
                errors[camel] = errors.TryGetValue(camel, out var existing) ? [.. existing, .. messages] : messages;
            }
        }
    }
}
