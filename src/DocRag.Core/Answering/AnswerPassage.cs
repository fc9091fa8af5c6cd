using DocRag.Core.Retrieval;

namespace DocRag.Core.Answering;

/// <summary>A search hit as given to the generator: its number in the prompt and the text actually sent (maybe shortened).</summary>
internal sealed record AnswerPassage(int Number, SearchHit Hit, string Text);
