using System.Reflection;
using System.Runtime.InteropServices;

namespace DocRag.Native.Loading;

/// <summary>
/// Finds DocRag's pinned native libraries: in <c>DOCRAG_NATIVE_DIR</c> when set, else next to the binaries
/// (where the build copies them). Registered once for this assembly.
/// </summary>
public static class NativeLibraryResolver
{
    public const string DirectoryVariable = "DOCRAG_NATIVE_DIR";

    private static int _registered;

    /// <summary>Folders searched, in order.</summary>
    public static IReadOnlyList<string> SearchDirectories { get; } = BuildSearchDirectories();

    /// <summary>Registers the resolver for DocRag.Native; safe to call many times.</summary>
    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(NativeLibraryResolver).Assembly, Resolve);
        }
    }

    /// <summary>The full path of a logical library, or null when no search folder holds it.</summary>
    public static string? FindLibrary(string logicalName)
    {
        if (!NativeLibraryNames.FileNames.TryGetValue(logicalName, out var fileName))
        {
            return null;
        }

        foreach (var dir in SearchDirectories)
        {
            var candidate = Path.Combine(dir, fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The folder that holds libllama and the ggml backends, for <c>ggml_backend_load_all_from_path</c>.</summary>
    public static string? FindLibraryDirectory(string logicalName) =>
        FindLibrary(logicalName) is { } path ? Path.GetDirectoryName(path) : null;

    /// <summary>A one-line explanation for a library that could not be found.</summary>
    public static string DescribeMissing(string logicalName)
    {
        var fileName = NativeLibraryNames.FileNames.TryGetValue(logicalName, out var f) ? f : logicalName;
        return $"{fileName} was not found in {string.Join(", ", SearchDirectories)}; run scripts/setup.sh or set {DirectoryVariable}";
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        var path = FindLibrary(libraryName);
        if (path is null)
        {
            throw new DllNotFoundException(DescribeMissing(libraryName));
        }

        return NativeLibrary.Load(path);
    }

    private static string[] BuildSearchDirectories()
    {
        var dirs = new List<string>();
        var fromEnv = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            dirs.Add(Path.GetFullPath(fromEnv));
        }

        dirs.Add(AppContext.BaseDirectory);
        dirs.Add(Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native"));
        return [.. dirs];
    }
}
