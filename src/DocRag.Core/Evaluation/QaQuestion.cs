namespace DocRag.Core.Evaluation;

/// <summary>
/// A question of a team's own QA file. <see cref="ExpectedPath"/> is the document that answers it (the end of its
/// path, e.g. <c>en/guide.pdf</c>), <see cref="ExpectedPage"/> the 1-based page within it, <see cref="Answer"/> a text
/// the answer should contain. A question with neither a path nor an answer is one the documents do not answer.
/// </summary>
/// <param name="Line">Its line in the file, for messages.</param>
public sealed record QaQuestion(int Line, string Question, string? ExpectedPath, int? ExpectedPage, string? Answer)
{
    /// <summary>True when the documents are not expected to answer it (no path, no answer).</summary>
    public bool ExpectsNoAnswer => ExpectedPath is null && Answer is null;
}
