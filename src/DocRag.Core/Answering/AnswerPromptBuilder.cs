using DocRag.Core.Retrieval;
using DocRag.Core.Text;
using Microsoft.Extensions.AI;

namespace DocRag.Core.Answering;

/// <summary>
/// Builds the generator's prompt: grounding instructions (system), earlier turns that fit, then one user message with
/// the numbered passages and the question. Everything is counted with the generator's own tokenizer so the prompt plus
/// the answer fit its context: the prompt may fill <see cref="AnsweringOptions.PromptBudgetRatio"/> of it and always
/// leaves the output tokens free. Passages are taken best first; one that does not fit is skipped, and the first is
/// shortened (at a word) rather than dropped, so a generative answer always has a passage.
/// </summary>
internal sealed class AnswerPromptBuilder(ITokenCounter counter, int contextSize, double budgetRatio)
{
    /// <summary>Room for the chat template's own tokens (role markers, BOS) per message, and once per prompt.</summary>
    internal const int TemplateTokensPerMessage = 8;
    internal const int TemplateTokens = 16;

    /// <summary>A passage shorter than this (in tokens) is not worth sending.</summary>
    internal const int MinPassageTokens = 24;

    private const string PassageSeparator = "\n\n";

    public AnswerPrompt Build(
        string question, TextLanguage language, IReadOnlyList<SearchHit> hits, IReadOnlyList<ChatMessage> history, int requestedOutputTokens)
    {
        var maxOutput = Math.Clamp(requestedOutputTokens, 1, Math.Max(1, contextSize / 2));
        var limit = Math.Min((int)(contextSize * budgetRatio), contextSize - maxOutput) - TemplateTokens;

        var system = AnswerInstructions.System(language);
        var (before, after) = AnswerInstructions.Frame(language, question);
        var fixedTokens = Count(system) + Count(before) + Count(after) + (2 * TemplateTokensPerMessage);
        if (fixedTokens + MinPassageTokens > limit)
        {
            throw new QuestionTooLongException(fixedTokens + MinPassageTokens, limit);
        }

        var kept = KeepHistory(history, (limit - fixedTokens) / 4, out var historyTokens);
        var budget = limit - fixedTokens - historyTokens;
        var passages = new List<AnswerPassage>();
        foreach (var hit in hits)
        {
            var number = passages.Count + 1;
            var block = AnswerInstructions.Passage(language, number, hit, hit.Text);
            var cost = Count(block) + Count(PassageSeparator);
            if (cost <= budget)
            {
                passages.Add(new AnswerPassage(number, hit, hit.Text));
                budget -= cost;
            }
            else if (passages.Count == 0 && Shorten(language, number, hit, budget) is { } shortened)
            {
                passages.Add(shortened.Passage);
                budget -= shortened.Cost;
            }
        }

        var user = before + string.Join(PassageSeparator, passages.Select(p => AnswerInstructions.Passage(language, p.Number, p.Hit, p.Text)))
            + PassageSeparator + after;
        List<ChatMessage> messages = [new(ChatRole.System, system), .. kept, new(ChatRole.User, user)];
        var promptTokens = Count(system) + historyTokens + Count(user) + (2 * TemplateTokensPerMessage);
        return new AnswerPrompt(messages, passages, language, promptTokens, maxOutput, kept.Count);
    }

    private int Count(string text) => counter.CountTokens(text);

    /// <summary>The newest turns that fit <paramref name="budget"/>, oldest first; system turns are left out (ours ground the answer).</summary>
    private List<ChatMessage> KeepHistory(IReadOnlyList<ChatMessage> history, int budget, out int tokens)
    {
        var kept = new List<ChatMessage>();
        tokens = 0;
        for (var i = history.Count - 1; i >= 0; i--)
        {
            var message = history[i];
            if (message.Role != ChatRole.User && message.Role != ChatRole.Assistant)
            {
                continue;
            }

            var cost = Count(message.Text) + TemplateTokensPerMessage;
            if (tokens + cost > budget)
            {
                break;
            }

            kept.Insert(0, new ChatMessage(message.Role, message.Text));
            tokens += cost;
        }

        return kept;
    }

    /// <summary>The passage cut at a word so that it fits <paramref name="budget"/>; null when too little would be left.</summary>
    private (AnswerPassage Passage, int Cost)? Shorten(TextLanguage language, int number, SearchHit hit, int budget)
    {
        if (budget < MinPassageTokens)
        {
            return null;
        }

        var text = hit.Text;
        var length = text.Length;
        while (length > 0)
        {
            var cut = CutAtWord(text, length);
            var block = AnswerInstructions.Passage(language, number, hit, cut);
            var cost = Count(block) + Count(PassageSeparator);
            if (cost <= budget)
            {
                return Count(cut) < MinPassageTokens / 2 ? null : (new AnswerPassage(number, hit, cut), cost);
            }

            // Shrink in proportion to the excess, and at least by a tenth, so this ends in a few rounds.
            var next = (int)(length * Math.Min(0.9, (double)budget / cost));
            length = next < length ? next : length - 1;
        }

        return null;
    }

    private static string CutAtWord(string text, int length)
    {
        if (length >= text.Length)
        {
            return text;
        }

        var end = length;
        while (end > 0 && !char.IsWhiteSpace(text[end]))
        {
            end--;
        }

        return (end == 0 ? text[..length] : text[..end]).TrimEnd() + " …";
    }
}
