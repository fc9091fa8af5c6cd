namespace DocRag.Core.Evaluation;

/// <summary>How a corpus set's scratch index is built and kept.</summary>
/// <param name="Form">Files through folder sync (<see cref="CorpusForm.Text"/>, the default), Markdown files, or the direct analysis path.</param>
/// <param name="CacheFolder">
/// Where scratch indexes are kept between runs, one folder per corpus, model and indexing settings
/// (<see cref="ScratchIndexCache"/>); null builds a temporary index deleted at the end.
/// </param>
/// <param name="Rebuild">Build the index again even when a kept one matches.</param>
public sealed record EvaluationIndexOptions(CorpusForm Form = CorpusForm.Text, string? CacheFolder = null, bool Rebuild = false)
{
    public static EvaluationIndexOptions Default { get; } = new();
}
