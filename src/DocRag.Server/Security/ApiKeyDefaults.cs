namespace DocRag.Server.Security;

/// <summary>Names shared by the API key authentication scheme, its policy and its headers.</summary>
public static class ApiKeyDefaults
{
    /// <summary>The authentication scheme.</summary>
    public const string Scheme = "ApiKey";

    /// <summary>The authorization policy on every <c>/v1</c> route and <c>/metrics</c>: a valid key when keys are configured.</summary>
    public const string Policy = "DocRagApiKey";

    /// <summary>The alternative header for clients that cannot send <c>Authorization: Bearer</c>.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <summary>The realm in <c>WWW-Authenticate</c>.</summary>
    public const string Realm = "docrag";
}
