namespace DocRag.Bench;

/// <summary>One benchmark of the harness: <c>dotnet run -c Release --project bench/DocRag.Bench -- NAME [options]</c>.</summary>
internal interface IBenchmarkRun
{
    string Name { get; }

    string Description { get; }

    Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken);
}
