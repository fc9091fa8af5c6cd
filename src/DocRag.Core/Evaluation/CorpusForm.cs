namespace DocRag.Core.Evaluation;

/// <summary>How an evaluation corpus goes into its scratch index.</summary>
public enum CorpusForm
{
    /// <summary>One <c>.txt</c> file per document (title on the first line, a blank line, the text), indexed by folder sync: what a user's folder goes through.</summary>
    Text = 0,

    /// <summary>One <c>.md</c> file per document (<c># title</c>, a blank line, the text), indexed by folder sync.</summary>
    Markdown = 1,

    /// <summary>
    /// For analysis only: documents written straight into the store with the set's title (no files, parsers or sync),
    /// to separate what the front door costs or gains from what ranking does.
    /// </summary>
    Direct = 2,
}
