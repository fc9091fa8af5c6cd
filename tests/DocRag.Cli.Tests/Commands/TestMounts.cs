using System.Diagnostics;

namespace DocRag.Cli.Tests.Commands;

/// <summary>
/// Real mounts for the fault tests (root in CI): a small tmpfs to fill, a read-only bind mount. Each method says whether
/// <c>mount</c> succeeded, so a test can fall back where mounting is not permitted (<c>DOCRAG_TEST_NO_MOUNT=1</c> forces that).
/// </summary>
internal static class TestMounts
{
    public static bool TryTmpfs(string directory, int megabytes) => Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", directory);

    public static bool TryResizeTmpfs(string directory, int megabytes) => Run("mount", "-o", $"remount,size={megabytes}m", directory);

    public static bool TryBind(string source, string target) => Run("mount", "--bind", source, target);

    public static bool TryRemountBind(string target, bool readOnly) => Run("mount", "-o", readOnly ? "remount,bind,ro" : "remount,bind,rw", target);

    /// <summary>Detaches the mount even while a killed process's files are still closing.</summary>
    public static void Unmount(string directory) => Run("umount", "-l", directory);

    private static bool Run(string program, params string[] arguments)
    {
        if (Environment.GetEnvironmentVariable("DOCRAG_TEST_NO_MOUNT") == "1")
        {
            return false; // exercise the fall-backs where mounting works
        }

        try
        {
            var info = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }

            using var process = Process.Start(info)!;
            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no mount program
        }
    }
}
