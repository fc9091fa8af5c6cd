using DocRag.Core.Evaluation;

namespace DocRag.Core.Tests.Evaluation;

public sealed class AnswerTextTests
{
    [Theory]
    [InlineData("The tower is 330 metres tall [1].", "330 metres", true)]
    [InlineData("El pico más alto de España mide 3715 METROS [2].", "3715 metros", true)]
    [InlineData("Está en Valéncia [1, 3].", "valencia", true)]
    [InlineData("It houses the Mona [1] Lisa.", "Mona Lisa", true)]
    [InlineData("The tower is 3300 metres tall.", "330 metres", false)]
    [InlineData("The tower is tall.", "...", false)]
    public void Contains_ComparesWordsIgnoringCaseAccentsAndCitations(string answer, string expected, bool contains)
    {
        Assert.Equal(contains, AnswerText.Contains(answer, expected));
    }
}
