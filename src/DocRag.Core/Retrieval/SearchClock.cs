namespace DocRag.Core.Retrieval;

/// <summary>The parts of one search's time as they are measured (keyword runs on another thread, hence the class).</summary>
internal sealed class SearchClock
{
    public TimeSpan Keyword { get; set; }

    public TimeSpan Embedding { get; set; }

    public TimeSpan Vector { get; set; }

    public TimeSpan Fusion { get; set; }

    public SearchTimings ToTimings(TimeSpan total) => new(Keyword, Embedding, Vector, Fusion, total);
}
