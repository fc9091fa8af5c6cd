using Microsoft.Extensions.Options;

namespace DocRag.Core.Embeddings;

/// <summary>Checks <see cref="EmbeddingOptions"/> at start-up; each failure names the setting.</summary>
public sealed class EmbeddingOptionsValidator : IValidateOptions<EmbeddingOptions>
{
    public const int MaxBatchSize = 4096;

    public ValidateOptionsResult Validate(string? name, EmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!TryParseProvider(options.ExecutionProvider, out _))
        {
            failures.Add($"{EmbeddingOptions.SectionName}:ExecutionProvider must be cpu, cuda or auto (it is '{options.ExecutionProvider}').");
        }

        if (options.IntraOpThreads is < 1 or > 1024)
        {
            failures.Add($"{EmbeddingOptions.SectionName}:IntraOpThreads must be between 1 and 1024, or empty for one per physical core (it is {options.IntraOpThreads}).");
        }

        if (options.BatchSize is < 1 or > MaxBatchSize)
        {
            failures.Add($"{EmbeddingOptions.SectionName}:BatchSize must be between 1 and {MaxBatchSize} (it is {options.BatchSize}).");
        }

        if (options.MaxSequenceLength is < 2 or > 1_000_000)
        {
            failures.Add($"{EmbeddingOptions.SectionName}:MaxSequenceLength must be at least 2 tokens, or empty for the model's own limit (it is {options.MaxSequenceLength}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Reads <c>cpu</c>, <c>cuda</c> or <c>auto</c> (any case; empty is auto).</summary>
    public static bool TryParseProvider(string? value, out OnnxExecutionProvider provider)
    {
        switch (value?.Trim().ToUpperInvariant())
        {
            case null or "" or "AUTO":
                provider = OnnxExecutionProvider.Auto;
                return true;
            case "CPU":
                provider = OnnxExecutionProvider.Cpu;
                return true;
            case "CUDA" or "GPU":
                provider = OnnxExecutionProvider.Cuda;
                return true;
            default:
                provider = OnnxExecutionProvider.Auto;
                return false;
        }
    }
}
