using DocRag.Server.Security;
using Microsoft.Extensions.Options;

namespace DocRag.Server.Hosting;

/// <summary>
/// Validates <see cref="ServerOptions"/> at start-up, each failure one line naming the setting, and enforces the binding
/// rule: no listening on a non-loopback address without API keys.
/// </summary>
public sealed partial class ServerOptionsValidator(IConfiguration configuration) : IValidateOptions<ServerOptions>
{
    /// <summary>Shorter keys are refused: a key is the only thing between the network and the documents.</summary>
    public const int MinimumKeyLength = 16;

    private const string Section = ServerOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        ValidateLimits(options, errors);
        var keys = ApiKeySources.Read(options, configuration, errors);
        ValidateKeys(keys, errors);
        ValidateCors(options.Cors, errors);
        ValidateBinding(keys.Count > 0, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateLimits(ServerOptions options, List<string> errors)
    {
        if (options.MaxRequestBodyBytes < 1)
        {
            errors.Add($"{Section}:MaxRequestBodyBytes must be at least 1 (got {options.MaxRequestBodyBytes}).");
        }

        if (options.MaxUploadBytes < 1)
        {
            errors.Add($"{Section}:MaxUploadBytes must be at least 1 (got {options.MaxUploadBytes}).");
        }

        if (options.DefaultRequestsPerMinute < 0)
        {
            errors.Add($"{Section}:DefaultRequestsPerMinute must be 0 (no limit) or more (got {options.DefaultRequestsPerMinute}).");
        }

        if (options.NotReadyRetryAfterSeconds is < 1 or > 3600)
        {
            errors.Add($"{Section}:NotReadyRetryAfterSeconds must be between 1 and 3600 (got {options.NotReadyRetryAfterSeconds}).");
        }
    }

    private void ValidateBinding(bool hasKeys, List<string> errors)
    {
        foreach (var address in ListenAddresses.FromConfiguration(configuration))
        {
            bool loopback;
            try
            {
                loopback = address.IsLoopback();
            }
            catch (FormatException)
            {
                errors.Add($"{address.Setting}: '{address.Url}' is not a valid listen address (expected http://HOST:PORT).");
                continue;
            }

            if (!loopback && !hasKeys)
            {
                errors.Add($"Refusing to listen on {address.Url} (from {address.Setting}) without API keys: anyone who can " +
                    $"reach it could read the index. Add a key under {Section}:ApiKeys (or set {ServerOptions.ApiKeysVariable}=NAME:KEY), " +
                    "or listen on 127.0.0.1.");
            }
        }
    }
}
