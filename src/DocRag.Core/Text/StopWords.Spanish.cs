namespace DocRag.Core.Text;

/// <summary>Spanish stop words: articles, prepositions, conjunctions, pronouns, question words and the forms of
/// ser, estar and haber from the Snowball list. Left out on purpose: tener (it carries meaning in questions such as
/// "¿cuántos años tiene?") and estado/estados (state, as in Estados Unidos).</summary>
public static partial class StopWords
{
    private const string SpanishWords = """
        de la que el en y a los del se las por un para con no una su al lo como más pero sus le ya o u e ni este sí
        porque esta entre cuando muy sin sobre también me hasta hay donde quien desde todo nos durante todos uno les
        contra otros ese eso ante ellos esto mí antes algunos qué unos yo otro otras otra él tanto esa estos mucho
        quienes nada muchos cual poco ella algunas algo nosotros mi mis tú te ti tu tus ellas nosotras vosotros
        vosotras os mío mía míos mías tuyo tuya tuyos tuyas suyo suya suyos suyas nuestro nuestra nuestros nuestras
        vuestro vuestra vuestros vuestras esos esas aquel aquella aquellos aquellas cuál cuáles quién quiénes cuándo
        dónde cómo cuánto cuánta cuántos cuántas tan
        estar estoy estás está estamos estáis están esté estés estemos estéis estén estaba estabas estábamos
        estabais estaban estuvo estuvieron estuviera estuvieran estando
        he has ha hemos habéis han haya hayan había habían habría habrían hubo hubiera hubieran habiendo habido
        ser soy eres es somos sois son sea sean será serán sería serían era eran fui fue fuimos fueron fuera fueran
        fuese siendo sido
        """;
}
