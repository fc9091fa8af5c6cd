using DocRag.Core.Answering;

namespace DocRag.Server.Endpoints;

/// <summary>The data of the <c>citations</c> event of <c>/v1/ask</c>: the passages the answer cites.</summary>
public sealed record AskCitationsData(IReadOnlyList<AnswerCitation> Citations);
