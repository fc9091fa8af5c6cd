using System.Globalization;

namespace DocRag.Server.Hosting;

/// <summary>
/// Request body limits: <c>MaxRequestBodyBytes</c> everywhere, <c>MaxUploadBytes</c> on endpoints marked with
/// <see cref="WithUploadLimit{TBuilder}"/>, or the endpoint's own <c>IRequestSizeLimitMetadata</c>.
/// </summary>
public static class RequestBodyLimits
{
    /// <summary>Lets this endpoint (or group) take bodies up to <c>DocRag:Server:MaxUploadBytes</c>.</summary>
    public static TBuilder WithUploadLimit<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Add(endpoint => endpoint.Metadata.Add(UploadEndpointMetadata.Instance));
        return builder;
    }

    /// <summary>The detail of a 413 problem.</summary>
    public static string TooLargeDetail(long? limit) => limit is { } bytes
        ? string.Create(CultureInfo.InvariantCulture, $"The request body is larger than the {bytes} bytes this endpoint accepts.")
        : "The request body is larger than this endpoint accepts.";
}
