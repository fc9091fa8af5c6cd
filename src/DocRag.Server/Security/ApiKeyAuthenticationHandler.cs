using System.Security.Claims;
using System.Text.Encodings.Web;
using DocRag.Server.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DocRag.Server.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer KEY</c> (or <c>X-Api-Key: KEY</c>) against the configured keys, in constant
/// time. With no keys configured it authenticates nobody and the policy lets callers through (loopback only).
/// Challenges answer 401 with <c>WWW-Authenticate: Bearer</c> and a ProblemDetails body.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggerFactory, UrlEncoder encoder, ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!keys.HasKeys || ReadPresentedKey(Request) is not { } presented)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (keys.Find(presented) is not { } key)
        {
            Log.ApiKeyRejected(Logger, Context.Connection.RemoteIpAddress?.ToString() ?? "(unknown)");
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, key.Name)], ApiKeyDefaults.Scheme);
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeyDefaults.Scheme);
        return Task.FromResult(AuthenticateResult.Success(ticket));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        var invalid = result.Failure is not null;
        Response.Headers.WWWAuthenticate = invalid
            ? $"Bearer realm=\"{ApiKeyDefaults.Realm}\", error=\"invalid_token\""
            : $"Bearer realm=\"{ApiKeyDefaults.Realm}\"";
        await DocRagProblems.WriteAsync(Context, invalid ? ProblemTypes.ApiKeyInvalid : ProblemTypes.ApiKeyMissing).ConfigureAwait(false);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        await DocRagProblems.WriteAsync(Context, ProblemTypes.Forbidden).ConfigureAwait(false);

    /// <summary>The key from <c>Authorization: Bearer</c>, else <c>X-Api-Key</c>; null when neither carries one.</summary>
    internal static string? ReadPresentedKey(HttpRequest request)
    {
        var authorization = request.Headers[HeaderNames.Authorization].ToString();
        const string bearer = "Bearer ";
        if (authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            var token = authorization[bearer.Length..].Trim();
            if (token.Length > 0)
            {
                return token;
            }
        }

        var header = request.Headers[ApiKeyDefaults.HeaderName].ToString().Trim();
        return header.Length > 0 ? header : null;
    }
}
