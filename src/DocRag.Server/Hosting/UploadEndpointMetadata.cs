namespace DocRag.Server.Hosting;

/// <summary>Marks an endpoint that accepts uploads: its body limit is <c>MaxUploadBytes</c> instead of <c>MaxRequestBodyBytes</c>.</summary>
public sealed class UploadEndpointMetadata
{
    public static UploadEndpointMetadata Instance { get; } = new();

    private UploadEndpointMetadata()
    {
    }
}
