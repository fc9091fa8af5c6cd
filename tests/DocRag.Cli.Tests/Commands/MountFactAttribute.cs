namespace DocRag.Cli.Tests.Commands;

/// <summary>A fact that needs to mount file systems (root, as in CI); skipped with the reason where that is not permitted.</summary>
public sealed class MountFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> CanMount = new(Probe);

    public MountFactAttribute()
    {
        if (!CanMount.Value)
        {
            Skip = "mounting is not permitted here (needs root and CAP_SYS_ADMIN)";
        }
    }

    private static bool Probe()
    {
        var probe = Directory.CreateTempSubdirectory("docrag-mount-probe").FullName;
        try
        {
            if (!TestMounts.TryTmpfs(probe, megabytes: 1))
            {
                return false;
            }

            TestMounts.Unmount(probe);
            return true;
        }
        finally
        {
            Directory.Delete(probe, recursive: true);
        }
    }
}
