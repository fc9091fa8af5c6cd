using DocRag.Core.Text;
using Microsoft.Extensions.AI;

namespace DocRag.Core.Answering;

/// <summary>The messages sent to the generator, the passages they number, and the token budget they were built for.</summary>
/// <param name="PromptTokens">The prompt's size as counted with the generator's tokenizer (without template tokens).</param>
/// <param name="MaxOutputTokens">Tokens left for the answer.</param>
/// <param name="HistoryMessages">Earlier conversation turns that fit (the oldest are dropped first).</param>
internal sealed record AnswerPrompt(
    IReadOnlyList<ChatMessage> Messages,
    IReadOnlyList<AnswerPassage> Passages,
    TextLanguage Language,
    int PromptTokens,
    int MaxOutputTokens,
    int HistoryMessages);
