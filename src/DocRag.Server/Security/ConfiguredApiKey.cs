namespace DocRag.Server.Security;

/// <summary>An API key as configured, with the setting it came from (for messages, which never show the key).</summary>
public sealed record ConfiguredApiKey(
    string Setting, string Name, string Key, IReadOnlyList<string> Collections, int? RequestsPerMinute);
