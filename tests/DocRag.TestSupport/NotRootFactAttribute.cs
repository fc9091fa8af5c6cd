namespace DocRag.TestSupport;

/// <summary>
/// A fact about file permissions: skipped with a reason when the tests run as root (as in CI containers), where
/// <c>chmod 000</c> stops nothing because root reads every file regardless of its mode.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NotRootFactAttribute : FactAttribute
{
    public NotRootFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "POSIX file modes only";
        }
        else if (Environment.IsPrivilegedProcess)
        {
            Skip = "running as root: root reads files whatever their mode, so a chmod 000 file is not unreadable; run as a normal user to check it";
        }
    }
}
