using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;

namespace DocRag.Core.Remote;

/// <summary>The OpenAI client's settings for a <see cref="RemoteEndpointOptions"/>: its URL, timeout, retries and key.</summary>
internal static class OpenAiClientOptionsFactory
{
    public static OpenAIClientOptions Create(RemoteEndpointOptions options) => new()
    {
        Endpoint = new Uri(options.Url!.TrimEnd('/') + "/"),
        NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
        RetryPolicy = new ClientRetryPolicy(options.MaxRetries),
        UserAgentApplicationId = "DocRag",
    };

    /// <summary>Bearer authentication with the key, or none when no key is configured (no placeholder key is sent).</summary>
    public static AuthenticationPolicy Authentication(RemoteEndpointOptions options) =>
        string.IsNullOrEmpty(options.ApiKey)
            ? new NoAuthenticationPolicy()
            : ApiKeyAuthenticationPolicy.CreateBearerAuthorizationPolicy(new ApiKeyCredential(options.ApiKey));
}
