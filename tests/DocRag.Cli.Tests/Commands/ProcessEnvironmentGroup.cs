namespace DocRag.Cli.Tests.Commands;

/// <summary>Tests that change process-wide state (environment variables) run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentGroup
{
    public const string Name = "process environment";
}
