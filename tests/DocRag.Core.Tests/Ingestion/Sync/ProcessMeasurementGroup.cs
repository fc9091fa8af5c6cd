namespace DocRag.Core.Tests.Ingestion.Sync;

/// <summary>Tests that measure the whole process (bytes read, bytes allocated): they run alone, so no other test adds to the figures.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessMeasurementGroup
{
    public const string Name = "process measurement";
}
