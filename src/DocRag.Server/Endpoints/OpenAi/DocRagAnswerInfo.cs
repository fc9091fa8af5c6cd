using DocRag.Core.Answering;

namespace DocRag.Server.Endpoints.OpenAi;

/// <summary>The <c>docrag</c> field of a chat completion: how the answer was made, and whether the documents answered it.</summary>
public sealed record DocRagAnswerInfo(AnswerMode Mode, bool NoAnswer, NoAnswerReason? NoAnswerReason, string? SearchMode)
{
    public static DocRagAnswerInfo From(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new(answer.Mode, answer.NoAnswer, answer.NoAnswerReason, answer.SearchMode);
    }
}
