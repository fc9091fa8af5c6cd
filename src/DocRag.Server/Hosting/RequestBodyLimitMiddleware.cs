using DocRag.Server.Problems;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace DocRag.Server.Hosting;

/// <summary>
/// Applies the matched endpoint's body limit to the server (Kestrel then refuses longer bodies while they are read,
/// chunked ones included) and refuses at once, with 413, a request whose Content-Length is already over it.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<ServerOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limit = LimitFor(context.GetEndpoint());
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }

        if (limit is { } max && context.Request.ContentLength > max)
        {
            return DocRagProblems.WriteAsync(context, ProblemTypes.RequestTooLarge, RequestBodyLimits.TooLargeDetail(max)).AsTask();
        }

        return next(context);
    }

    private long? LimitFor(Endpoint? endpoint)
    {
        if (endpoint?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } explicitLimit)
        {
            return explicitLimit.MaxRequestBodySize;
        }

        return endpoint?.Metadata.GetMetadata<UploadEndpointMetadata>() is not null
            ? options.Value.MaxUploadBytes
            : options.Value.MaxRequestBodyBytes;
    }
}
