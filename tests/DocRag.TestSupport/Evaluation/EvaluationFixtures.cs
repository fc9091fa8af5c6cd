namespace DocRag.TestSupport.Evaluation;

/// <summary>
/// Tiny evaluation sets committed with the tests (copied next to the test binaries): a BEIR folder of eight English
/// abstracts and six queries, a SQuAD file of four English and Spanish paragraphs, and a QA folder (documents and
/// questions.jsonl in the samples' format).
/// </summary>
public static class EvaluationFixtures
{
    private static string Root => Path.Combine(AppContext.BaseDirectory, "Evaluation");

    /// <summary>corpus.jsonl (8 documents, d7 without a title, a blank line), queries.jsonl (6), qrels/test.tsv (with header,
    /// a grade-0 judgement and one for a document not in the corpus).</summary>
    public static string BeirFolder => Path.Combine(Root, "tiny-beir");

    /// <summary>2 articles, 4 paragraphs, 5 questions (one SQuAD 2.0 <c>is_impossible</c>).</summary>
    public static string SquadFile => Path.Combine(Root, "tiny-squad.json");

    /// <summary>docs/ (en/towers.md, es/volcanes.txt, notes/bees.txt) to index.</summary>
    public static string QaDocuments => Path.Combine(Root, "tiny-qa", "docs");

    /// <summary>5 questions: path and page, path only, answer only, not answerable, and one whose document is not indexed.</summary>
    public static string QaQuestions => Path.Combine(Root, "tiny-qa", "questions.jsonl");
}
