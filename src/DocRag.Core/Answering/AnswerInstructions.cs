using System.Globalization;
using System.Text;
using DocRag.Core.Retrieval;
using DocRag.Core.Text;

namespace DocRag.Core.Answering;

/// <summary>
/// The words of the prompt, in English or Spanish (the question's language; English for any other, with the request to
/// answer in the question's own language), and the fixed no-answer sentences the code recognises afterwards.
/// </summary>
internal static class AnswerInstructions
{
    public const string EnglishNoAnswer = "The documents do not contain the answer to this question.";
    public const string SpanishNoAnswer = "Los documentos no contienen la respuesta a esta pregunta.";

    public static string NoAnswerSentence(TextLanguage language) => language == TextLanguage.Spanish ? SpanishNoAnswer : EnglishNoAnswer;

    public static string System(TextLanguage language) => language == TextLanguage.Spanish
        ? $"""
          Respondes preguntas usando solo los pasajes numerados de los documentos del usuario que acompañan a la pregunta.
          Reglas:
          - Usa solo lo que dicen los pasajes. No uses ningún otro conocimiento.
          - Después de cada frase que use un pasaje, cítalo con su número entre corchetes, por ejemplo [1] o [2][3]. Cita solo los números dados.
          - Si los pasajes no contienen la respuesta, responde exactamente con esta frase y nada más: {SpanishNoAnswer}
          - Responde en español, de forma breve.
          """
        : $"""
          You answer questions using only the numbered passages from the user's documents that come with the question.
          Rules:
          - Use only what the passages say. Do not use any other knowledge.
          - After each sentence that uses a passage, cite it by its number in square brackets, like [1] or [2][3]. Cite only the numbers given.
          - If the passages do not contain the answer, reply with exactly this sentence and nothing else: {EnglishNoAnswer}
          - {(language == TextLanguage.English ? "Answer in English" : "Answer in the same language as the question")}, briefly.
          """;

    /// <summary>The user message around the passages: the heading before them and the question after.</summary>
    public static (string Before, string After) Frame(TextLanguage language, string question) => language == TextLanguage.Spanish
        ? ("Pasajes:\n\n", $"Pregunta: {question}")
        : ("Passages:\n\n", $"Question: {question}");

    /// <summary>One numbered passage: a line naming its document, page and section, then its text.</summary>
    public static string Passage(TextLanguage language, int number, SearchHit hit, string text)
    {
        var spanish = language == TextLanguage.Spanish;
        var sb = new StringBuilder().Append('[').Append(number.ToString(CultureInfo.InvariantCulture)).Append("] ");
        sb.Append(spanish ? "Documento: " : "Document: ").Append(hit.Title);
        if (hit.PageEnd > 1 || hit.PageStart > 1)
        {
            var pages = hit.PageEnd > hit.PageStart
                ? string.Create(CultureInfo.InvariantCulture, $"{hit.PageStart}-{hit.PageEnd}")
                : hit.PageStart.ToString(CultureInfo.InvariantCulture);
            sb.Append(spanish ? "; página " : "; page ").Append(pages);
        }

        if (hit.HeadingPath.Count > 0)
        {
            sb.Append(spanish ? "; sección: " : "; section: ").Append(HeadingText(hit.HeadingPath));
        }

        return sb.Append('\n').Append(text).ToString();
    }

    public static string HeadingText(IReadOnlyList<string> headingPath) => string.Join(" > ", headingPath);
}
