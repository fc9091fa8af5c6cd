using Microsoft.Extensions.Options;

namespace DocRag.Core.Retrieval;

/// <summary>Checks <see cref="RetrievalOptions"/> at start-up; each failure names the setting.</summary>
public sealed class RetrievalOptionsValidator : IValidateOptions<RetrievalOptions>
{
    public const int MaxCandidates = 10_000;

    public ValidateOptionsResult Validate(string? name, RetrievalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string S = RetrievalOptions.SectionName;
        var failures = new List<string>();
        if (options.RrfK is < 0 or > 100_000)
        {
            failures.Add($"{S}:RrfK must be between 0 and 100000 (it is {options.RrfK}).");
        }

        CheckWeight(failures, "KeywordWeight", options.KeywordWeight);
        CheckWeight(failures, "VectorWeight", options.VectorWeight);
        CheckWeight(failures, "TitleWeight", options.TitleWeight);
        CheckWeight(failures, "HeadingWeight", options.HeadingWeight);
        CheckWeight(failures, "TextWeight", options.TextWeight);
        if (options.KeywordWeight == 0 && options.VectorWeight == 0)
        {
            failures.Add($"{S}:KeywordWeight and {S}:VectorWeight cannot both be 0.");
        }

        if (options.TitleWeight == 0 && options.HeadingWeight == 0 && options.TextWeight == 0)
        {
            failures.Add($"{S}:TitleWeight, HeadingWeight and TextWeight cannot all be 0.");
        }

        if (options.KeywordCandidates is < 1 or > MaxCandidates)
        {
            failures.Add($"{S}:KeywordCandidates must be between 1 and {MaxCandidates} (it is {options.KeywordCandidates}).");
        }

        if (options.KeywordRowBudget is < 0 or > 100_000_000 || options.KeywordRowBudget is > 0 and < 100)
        {
            failures.Add($"{S}:KeywordRowBudget must be 0 (no limit) or between 100 and 100000000 (it is {options.KeywordRowBudget}).");
        }

        if (options.VectorCandidates is < 1 or > MaxCandidates)
        {
            failures.Add($"{S}:VectorCandidates must be between 1 and {MaxCandidates} (it is {options.VectorCandidates}).");
        }

        if (options.MaxChunksPerDocument is < 0 or > 1000)
        {
            failures.Add($"{S}:MaxChunksPerDocument must be between 0 (no limit) and 1000 (it is {options.MaxChunksPerDocument}).");
        }

        if (options.NearDuplicateThreshold != 0 && options.NearDuplicateThreshold is < 0.5 or > 1 || double.IsNaN(options.NearDuplicateThreshold))
        {
            failures.Add($"{S}:NearDuplicateThreshold must be 0 (off) or between 0.5 and 1 (it is {options.NearDuplicateThreshold}).");
        }

        if (options.VectorSearchThreads is < 0 or > 1024)
        {
            failures.Add($"{S}:VectorSearchThreads must be between 0 (one per processor) and 1024 (it is {options.VectorSearchThreads}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckWeight(List<string> failures, string name, double value)
    {
        if (!double.IsFinite(value) || value is < 0 or > 1000)
        {
            failures.Add($"{RetrievalOptions.SectionName}:{name} must be between 0 and 1000 (it is {value}).");
        }
    }
}
