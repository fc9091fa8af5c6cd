using System.Text.RegularExpressions;
using DocRag.Server.Security;

namespace DocRag.Server.Hosting;

public sealed partial class ServerOptionsValidator
{
    private static void ValidateKeys(IReadOnlyList<ConfiguredApiKey> keys, List<string> errors)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!KeyName().IsMatch(key.Name))
            {
                errors.Add($"{key.Setting}:Name must be 1-64 letters, digits, '.', '_', '-' or '@' (it appears in logs).");
            }
            else if (!names.Add(key.Name))
            {
                errors.Add($"{key.Setting}:Name '{key.Name}' is used by another key; names must be unique.");
            }

            // Messages name the setting, never the key.
            if (key.Key.Length < MinimumKeyLength)
            {
                errors.Add($"{key.Setting}:Key must be at least {MinimumKeyLength} characters (for example `openssl rand -hex 32`).");
            }
            else if (!KeyText().IsMatch(key.Key))
            {
                errors.Add($"{key.Setting}:Key must be printable ASCII without spaces (it travels in an HTTP header).");
            }
            else if (!secrets.TryAdd(key.Key, key.Setting))
            {
                errors.Add($"{key.Setting}:Key is the same as {secrets[key.Key]}'s; each key must be different.");
            }

            if (key.Collections.Any(string.IsNullOrEmpty))
            {
                errors.Add($"{key.Setting}:Collections must not contain empty names.");
            }

            if (key.RequestsPerMinute is < 0)
            {
                errors.Add($"{key.Setting}:RequestsPerMinute must be 0 (no limit) or more (got {key.RequestsPerMinute}).");
            }
        }
    }

    private static void ValidateCors(ServerCorsOptions cors, List<string> errors)
    {
        for (var i = 0; i < cors.AllowedOrigins.Count; i++)
        {
            var origin = cors.AllowedOrigins[i];
            var setting = $"{Section}:Cors:AllowedOrigins:{i}";
            if (origin == "*")
            {
                errors.Add($"{setting}: '*' is not allowed; list each origin (https://host[:port]) whose pages may call the API.");
            }
            else if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || uri.PathAndQuery != "/" || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            {
                errors.Add($"{setting}: '{origin}' is not an origin; expected scheme://host[:port] with nothing after it.");
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._@-]{1,64}$")]
    private static partial Regex KeyName();

    [GeneratedRegex("^[\\x21-\\x7E]+$")]
    private static partial Regex KeyText();
}
