using DocRag.Core.Answering;

namespace DocRag.Core.Evaluation;

/// <summary>Counts how the answers of a run did, into <see cref="AskScores"/>.</summary>
internal sealed class AskAccumulator(AskMode mode)
{
    private readonly List<TimeSpan> _latencies = [];
    private int _withExpected;
    private int _cited;
    private int _withAnswer;
    private int _contained;
    private int _answerable;
    private int _falseNoAnswer;
    private int _unanswerable;
    private int _noAnswerCorrect;

    /// <param name="citesExpected">Whether it cites the expected document; null when none is expected.</param>
    /// <param name="expectedAnswers">Texts that count as a correct answer; empty when none is given.</param>
    /// <param name="answerable">False when the documents are not expected to answer.</param>
    public void Add(Answer answer, TimeSpan latency, bool? citesExpected, IReadOnlyList<string> expectedAnswers, bool answerable)
    {
        ArgumentNullException.ThrowIfNull(answer);
        _latencies.Add(latency);
        if (!answerable)
        {
            _unanswerable++;
            _noAnswerCorrect += answer.NoAnswer ? 1 : 0;
            return;
        }

        _answerable++;
        _falseNoAnswer += answer.NoAnswer ? 1 : 0;
        if (citesExpected is { } cited)
        {
            _withExpected++;
            _cited += cited ? 1 : 0;
        }

        if (expectedAnswers.Count > 0)
        {
            _withAnswer++;
            _contained += !answer.NoAnswer && expectedAnswers.Any(e => AnswerText.Contains(answer.Text, e)) ? 1 : 0;
        }
    }

    public AskScores ToScores() => new(
        mode == AskMode.Generative ? "generative" : "extractive",
        _latencies.Count,
        Share(_cited, _withExpected),
        Share(_contained, _withAnswer),
        _unanswerable,
        Share(_noAnswerCorrect, _unanswerable),
        Share(_falseNoAnswer, _answerable),
        LatencySummary.From(_latencies));

    private static double? Share(int count, int total) => total == 0 ? null : (double)count / total;
}
