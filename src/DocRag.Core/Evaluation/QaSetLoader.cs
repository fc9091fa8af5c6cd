namespace DocRag.Core.Evaluation;

/// <summary>
/// Reads a QA file: JSON Lines with <c>question</c> and any of <c>expected_path</c> (or <c>expectedPath</c>, <c>path</c>),
/// <c>expected_page</c> (<c>expectedPage</c>, <c>page</c>) and <c>answer</c> (<c>expected_answer</c>,
/// <c>expectedAnswer</c>); null or absent path and answer mean "the documents do not answer this". Other fields are ignored.
/// </summary>
public static class QaSetLoader
{
    public static IReadOnlyList<QaQuestion> Load(string file)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"QA file not found: {path}", path);
        }

        var questions = new List<QaQuestion>();
        foreach (var (line, value) in JsonLines.Read(path))
        {
            var question = JsonLines.Field(path, line, () => JsonLines.OptionalString(value, "question"));
            if (string.IsNullOrWhiteSpace(question))
            {
                throw new EvaluationDataException($"{Path.GetFileName(path)} line {line}: no question");
            }

            var expected = JsonLines.Field(path, line, () => JsonLines.OptionalString(value, "expected_path", "expectedPath", "path"));
            var page = JsonLines.Field(path, line, () => JsonLines.OptionalInt(value, "expected_page", "expectedPage", "page"));
            var answer = JsonLines.Field(path, line, () => JsonLines.OptionalString(value, "answer", "expected_answer", "expectedAnswer"));
            if (page is < 1)
            {
                throw new EvaluationDataException($"{Path.GetFileName(path)} line {line}: expected_page must be 1 or more");
            }

            if (page is not null && string.IsNullOrWhiteSpace(expected))
            {
                throw new EvaluationDataException($"{Path.GetFileName(path)} line {line}: expected_page needs expected_path");
            }

            questions.Add(new QaQuestion(line, question.Trim(), Blank(expected)?.Replace('\\', '/'), page, Blank(answer)));
        }

        if (questions.Count == 0)
        {
            throw new EvaluationDataException($"{Path.GetFileName(path)}: no questions");
        }

        return questions;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
