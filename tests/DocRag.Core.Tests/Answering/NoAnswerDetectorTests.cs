using DocRag.Core.Answering;

namespace DocRag.Core.Tests.Answering;

public sealed class NoAnswerDetectorTests
{
    [Theory]
    [InlineData(AnswerInstructions.EnglishNoAnswer)]
    [InlineData(AnswerInstructions.SpanishNoAnswer)]
    [InlineData("THE DOCUMENTS DO NOT CONTAIN THE ANSWER")]
    [InlineData("I'm sorry, but the documents don't contain the answer to that.")]
    [InlineData("Lo siento: los documentos no contienen la respuesta.")]
    [InlineData("Los pasajes no contienen la respuesta a esta pregunta")]
    public void SaysNoAnswer_TheSentenceOrAClosePhrasing_True(string text) => Assert.True(NoAnswerDetector.SaysNoAnswer(text));

    [Theory]
    [InlineData("The warranty lasts two years [1].")]
    [InlineData("The documents contain the answer: two years [1].")]
    [InlineData("The answer is not in the first document but in the second [2].")]
    [InlineData("")]
    public void SaysNoAnswer_AnAnswer_False(string text) => Assert.False(NoAnswerDetector.SaysNoAnswer(text));
}
