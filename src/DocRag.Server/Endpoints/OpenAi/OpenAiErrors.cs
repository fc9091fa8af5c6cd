using System.Text.Json;
using DocRag.Server.Problems;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace DocRag.Server.Endpoints.OpenAi;

/// <summary>
/// On the OpenAI-compatible endpoints a problem also carries OpenAI's <c>error</c> object, so OpenAI client libraries
/// and tools find the message where they look for it; the body stays a ProblemDetails for everyone else.
/// </summary>
internal static class OpenAiErrors
{
    public const string Member = "error";

    /// <summary>True when the request was routed to an endpoint marked <see cref="OpenAiErrorShape"/>.</summary>
    public static bool Applies(HttpContext context)
    {
        var endpoint = context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        return endpoint?.Metadata.GetMetadata<OpenAiErrorShape>() is not null;
    }

    public static void AddErrorMember(ProblemDetails problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var status = problem.Status ?? StatusCodes.Status500InternalServerError;
        var code = problem.Extensions.TryGetValue(ProblemTypes.CodeExtension, out var value) ? value as string : null;
        string? param = null;
        if (problem is HttpValidationProblemDetails { Errors.Count: > 0 } validation)
        {
            RenameToWireNames(validation.Errors);
            param = validation.Errors.Keys.First();
        }

        problem.Extensions[Member] = new OpenAiError(problem.Detail ?? problem.Title ?? "", TypeFor(status), code, param);
    }

    /// <summary>
    /// Field paths as the request spells them: OpenAI's fields in snake_case (<c>encoding_format</c>,
    /// <c>stream_options.include_usage</c>); inside DocRag's own <c>docrag</c> extension, camelCase as elsewhere in the API.
    /// </summary>
    internal static string WireName(string path)
    {
        var segments = path.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            if (i == 0 && segments[0] == "docRag")
            {
                segments[0] = "docrag";
                break;
            }

            segments[i] = JsonNamingPolicy.SnakeCaseLower.ConvertName(segments[i]);
        }

        return string.Join('.', segments);
    }

    private static void RenameToWireNames(IDictionary<string, string[]> errors)
    {
        foreach (var key in errors.Keys.ToList())
        {
            var wire = WireName(key);
            if (wire != key)
            {
                var messages = errors[key];
                errors.Remove(key);
                errors[wire] = errors.TryGetValue(wire, out var existing) ? [.. existing, .. messages] : messages;
            }
        }
    }

    /// <summary>OpenAI's error types by status.</summary>
    internal static string TypeFor(int status) => status switch
    {
        401 => "authentication_error",
        403 => "permission_error",
        404 => "not_found_error",
        429 => "rate_limit_error",
        >= 500 => "server_error",
        _ => "invalid_request_error",
    };
}
