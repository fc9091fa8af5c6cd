namespace DocRag.Cli.Tests.Privacy;

/// <summary>A finished child process: exit code and what it wrote.</summary>
internal sealed record ProcessRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}
