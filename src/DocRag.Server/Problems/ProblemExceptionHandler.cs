using System.Globalization;
using System.Text.Json;
using DocRag.Core.Hosting;
using DocRag.Server.Hosting;
using DocRag.Server.Security;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace DocRag.Server.Problems;

/// <summary>
/// Turns exceptions into ProblemDetails: bad requests (invalid JSON with its position, wrong content type, too large),
/// <see cref="ServiceBusyException"/> (429), <see cref="ServiceUnavailableException"/> (503), scoped-key refusals (403),
/// a full disk (507) or a read-only index or folder (503),
/// and anything else as a 500 that is logged with a correlation id and says nothing about the cause.
/// </summary>
internal sealed class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested:
                // The client went away; there is nobody to answer.
                Log.RequestAborted(logger, httpContext.Request.Method, RouteOf(httpContext));
                httpContext.Response.StatusCode = 499;
                return true;
            case BadHttpRequestException bad:
                await WriteBadRequestAsync(httpContext, bad).ConfigureAwait(false);
                return true;
            case ServiceBusyException busy:
                Log.ServiceBusy(logger, httpContext.Request.Method, RouteOf(httpContext), busy.RetryAfter.TotalSeconds);
                await DocRagProblems.WriteAsync(httpContext, ProblemTypes.ServiceBusy, busy.Message, busy.RetryAfter).ConfigureAwait(false);
                return true;
            case ServiceUnavailableException unavailable:
                await DocRagProblems.WriteAsync(httpContext, ProblemTypes.ServiceUnavailable, unavailable.Message, unavailable.RetryAfter)
                    .ConfigureAwait(false);
                return true;
            case IOException io when StorageFaults.IsFull(io):
                Log.StorageRefused(logger, httpContext.Request.Method, RouteOf(httpContext), "full", io.Message);
                await DocRagProblems.WriteAsync(httpContext, ProblemTypes.InsufficientStorage,
                    "There is no room left on the server's disk (or the index reached its configured size limit); nothing was stored. Free space and retry.")
                    .ConfigureAwait(false);
                return true;
            case IOException io when StorageFaults.IsReadOnly(io):
                Log.StorageRefused(logger, httpContext.Request.Method, RouteOf(httpContext), "read-only", io.Message);
                await DocRagProblems.WriteAsync(httpContext, ProblemTypes.IndexReadOnly,
                    "The folder this change must write (the index's data folder or the collection folder) is read-only; nothing was stored there. Searches still work; changes need write access.")
                    .ConfigureAwait(false);
                return true;
            case CollectionAccessDeniedException denied:
                Log.CollectionDenied(logger, httpContext.User.Identity?.Name ?? "(none)", denied.Collection);
                await DocRagProblems.WriteAsync(httpContext, ProblemTypes.CollectionForbidden, denied.Message,
                    extensions: new Dictionary<string, object?> { ["collection"] = denied.Collection }).ConfigureAwait(false);
                return true;
            default:
                Log.UnhandledException(logger, httpContext.Request.Method, RouteOf(httpContext), httpContext.TraceIdentifier, exception);
                await DocRagProblems.WriteAsync(httpContext, ProblemTypes.InternalError,
                    $"An unexpected error occurred. It was logged with correlation id {httpContext.TraceIdentifier}; quote it when reporting the problem.")
                    .ConfigureAwait(false);
                return true;
        }
    }

    private async Task WriteBadRequestAsync(HttpContext context, BadHttpRequestException exception)
    {
        Log.BadRequest(logger, context.Request.Method, RouteOf(context), exception.StatusCode);
        switch (exception.StatusCode)
        {
            case 413:
                var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
                await DocRagProblems.WriteAsync(context, ProblemTypes.RequestTooLarge, RequestBodyLimits.TooLargeDetail(limit)).ConfigureAwait(false);
                break;
            case 415:
                await DocRagProblems.WriteAsync(context, ProblemTypes.UnsupportedMediaType, UnsupportedMediaTypeDetail(context)).ConfigureAwait(false);
                break;
            case 400 when exception.InnerException is JsonException json:
                await DocRagProblems.WriteAsync(context, ProblemTypes.InvalidJson, InvalidJsonDetail(json), extensions: new Dictionary<string, object?>
                {
                    ["line"] = json.LineNumber + 1,
                    ["bytePosition"] = json.BytePositionInLine + 1,
                    ["path"] = json.Path,
                }).ConfigureAwait(false);
                break;
            case 400:
                // The framework's messages name the parameter and what was wrong with it, without internals.
                await DocRagProblems.WriteAsync(context, ProblemTypes.BadRequest, exception.Message).ConfigureAwait(false);
                break;
            default:
                await DocRagProblems.WriteAsync(context, ProblemTypes.ForStatus(exception.StatusCode), status: exception.StatusCode)
                    .ConfigureAwait(false);
                break;
        }
    }

    // Built from the position properties, not JsonException.Message, which names .NET types.
    private static string InvalidJsonDetail(JsonException json)
    {
        const string missing = "missing required properties including: ";
        var index = json.Message.IndexOf(missing, StringComparison.Ordinal);
        if (index >= 0)
        {
            return $"The request body is missing required fields: {json.Message[(index + missing.Length)..].TrimEnd('.')}.";
        }

        var where = json.LineNumber is { } line
            ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, byte {json.BytePositionInLine + 1}")
            : "";
        var path = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "" : $" (field {json.Path})";
        return $"The request body is not valid JSON, or a field has the wrong type{where}{path}.";
    }

    private static string UnsupportedMediaTypeDetail(HttpContext context)
    {
        var sent = context.Request.ContentType;
        var endpoint = context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();
        var expected = endpoint?.Metadata.GetMetadata<UploadEndpointMetadata>() is null ? "application/json" : "multipart/form-data";
        return string.IsNullOrEmpty(sent)
            ? $"The request has no Content-Type; send the body as {expected}."
            : $"Content-Type '{Truncate(sent, 100)}' is not accepted here; send the body as {expected}.";
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length] + "...";

    // The exception handler clears the endpoint before handlers run; its feature keeps the one that failed.
    internal static string RouteOf(HttpContext context) =>
        ((context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint()) as RouteEndpoint)?.RoutePattern.RawText
        ?? "(unmatched)";
}
