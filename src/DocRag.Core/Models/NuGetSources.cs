using System.Xml;
using System.Xml.Linq;

namespace DocRag.Core.Models;

/// <summary>
/// Finds the NuGet feed this machine restores from, the way NuGet reads its configuration: the <c>nuget.config</c> files
/// from the working folder up to the root (nearest first), then the user's <c>NuGet/NuGet.Config</c>; a
/// <c>&lt;clear /&gt;</c> drops the sources of the files after it, <c>disabledPackageSources</c> turns sources off.
/// The first enabled http(s) source wins; without one, nuget.org.
/// </summary>
public static class NuGetSources
{
    /// <summary>nuget.org's v3 service index, NuGet's own default.</summary>
    public static readonly Uri NuGetOrg = new("https://api.nuget.org/v3/index.json");

    private static readonly string[] ConfigNames = ["nuget.config", "NuGet.config", "NuGet.Config"];

    /// <summary>The feed to use: <paramref name="configured"/> when set, else the machine's NuGet configuration.</summary>
    public static Uri Resolve(Uri? configured, string? workingDirectory = null, string? userConfig = null) =>
        configured ?? FromConfiguration(ConfigFiles(workingDirectory ?? Environment.CurrentDirectory, userConfig ?? UserConfigPath())) ?? NuGetOrg;

    /// <summary>The configuration files NuGet reads, nearest first.</summary>
    internal static IReadOnlyList<string> ConfigFiles(string workingDirectory, string? userConfig)
    {
        var files = new List<string>();
        for (var directory = new DirectoryInfo(Path.GetFullPath(workingDirectory)); directory is not null; directory = directory.Parent)
        {
            var found = ConfigNames.Select(n => Path.Combine(directory.FullName, n)).FirstOrDefault(File.Exists);
            if (found is not null)
            {
                files.Add(found);
            }
        }

        if (userConfig is not null && File.Exists(userConfig))
        {
            files.Add(userConfig);
        }

        return files;
    }

    /// <summary>The first enabled http(s) source of <paramref name="files"/> (nearest first), or null.</summary>
    internal static Uri? FromConfiguration(IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var sources = new List<(string Key, string Value)>();
        var disabled = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            XElement root;
            try
            {
                root = XDocument.Load(file).Root ?? new XElement("configuration");
            }
            catch (XmlException)
            {
                continue; // NuGet itself would fail on it; DocRag falls back to the next file
            }

            foreach (var entry in root.Element("disabledPackageSources")?.Elements("add") ?? [])
            {
                if (string.Equals((string?)entry.Attribute("value"), "true", StringComparison.OrdinalIgnoreCase) && (string?)entry.Attribute("key") is { } key)
                {
                    disabled.Add(key);
                }
            }

            var section = root.Element("packageSources");
            if (section is null)
            {
                continue;
            }

            var cleared = false;
            var mine = new List<(string, string)>();
            foreach (var element in section.Elements())
            {
                if (element.Name.LocalName == "clear")
                {
                    cleared = true;
                    mine.Clear();
                }
                else if (element.Name.LocalName == "add" && (string?)element.Attribute("key") is { } key && (string?)element.Attribute("value") is { } value)
                {
                    mine.Add((key, value));
                }
            }

            sources.AddRange(mine);
            if (cleared)
            {
                break; // sources in files further away are not used
            }
        }

        foreach (var (key, value) in sources)
        {
            if (!disabled.Contains(key)
                && Uri.TryCreate(value, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            {
                return uri;
            }
        }

        return null;
    }

    private static string? UserConfigPath()
    {
        var root = OperatingSystem.IsWindows()
            ? Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget");
        return string.IsNullOrEmpty(root) ? null : Path.Combine(root, "NuGet", "NuGet.Config");
    }
}
