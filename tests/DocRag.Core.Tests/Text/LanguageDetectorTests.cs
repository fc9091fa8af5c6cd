using DocRag.Core.Text;

namespace DocRag.Core.Tests.Text;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("Alterations of the architecture of cerebral white matter in the developing human brain can affect cortical development and result in functional disabilities.")]
    [InlineData("What is the capital of France?")]
    [InlineData("The cat sat on the mat")]
    [InlineData("How does it work")]
    [InlineData("Vitamin D deficiency is associated with an increased risk of fractures in older adults.")]
    [InlineData("The meeting was moved to Friday, as the team said: hasta la vista, baby.")]
    [InlineData("It was the best of times, it was the worst of times.")]
    [InlineData("Install the package and run the tests.")]
    [InlineData("Why is the sky blue?")]
    public void Detect_English_ReturnsEnglish(string text) =>
        Assert.Equal(TextLanguage.English, LanguageDetector.Detect(text));

    [Theory]
    [InlineData("Los Panthers, que además de liderar las intercepciones de la NFL con 24, cedieron solo 308 puntos en defensa y se sitúan en el sexto lugar de la liga.")]
    [InlineData("¿Cuántos puntos cedió la defensa de los Panthers?")]
    [InlineData("¿Dónde está la estación?")]
    [InlineData("El niño come una manzana")]
    [InlineData("¿Quién ganó?")]
    [InlineData("mañana por la tarde")]
    [InlineData("En un lugar de la Mancha, de cuyo nombre no quiero acordarme, no ha mucho tiempo que vivía un hidalgo.")]
    [InlineData("Instale el paquete y ejecute las pruebas.")]
    [InlineData("¿Por qué el cielo es azul?")]
    public void Detect_Spanish_ReturnsSpanish(string text) =>
        Assert.Equal(TextLanguage.Spanish, LanguageDetector.Detect(text));

    [Theory]
    [InlineData("Die Katze sitzt auf der Matte und schläft, weil sie müde ist.")] // German
    [InlineData("Le chat est assis sur le tapis et il dort parce qu'il est fatigué.")] // French
    [InlineData("O gato está sentado no tapete e dorme porque não está cansado.")] // Portuguese
    [InlineData("Il gatto è seduto sul tappeto e dorme perché è stanco della giornata.")] // Italian
    [InlineData("Die Ergebnisse zeigen, dass die Behandlung wirksam ist.")] // German
    [InlineData("Les résultats montrent que le traitement est efficace chez les patients.")] // French
    [InlineData("Installieren Sie das Paket und führen Sie die Tests aus.")] // German
    [InlineData("Installez le paquet et lancez les tests.")] // French
    [InlineData("Instale o pacote e execute os testes.")] // Portuguese
    [InlineData("Installa il pacchetto ed esegui i test.")] // Italian
    [InlineData("A Comissão Europeia apresentou uma proposta de regulamento sobre a proteção de dados nos países da União.")] // Portuguese
    [InlineData("La Commissione europea ha presentato una proposta di regolamento sulla protezione dei dati nei paesi dell'Unione.")] // Italian
    [InlineData("Por que o céu é azul?")] // Portuguese
    [InlineData("Warum ist der Himmel blau?")] // German
    [InlineData("猫はマットの上に座っています。")] // Japanese
    [InlineData("这是一个关于机器学习的文档。")] // Chinese
    [InlineData("Կատուն նստած է գորգի վրա։")] // Armenian
    [InlineData("Кошка сидит на коврике.")] // Russian
    [InlineData("12345 678 90")] // numbers only
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("hello")] // one word without any cue
    [InlineData("la casa")] // Spanish, Italian or French: too little to tell
    [InlineData("machine learning")] // no function word, no telltale letter
    public void Detect_OtherOrUncertain_ReturnsOther(string text) =>
        Assert.Equal(TextLanguage.Other, LanguageDetector.Detect(text));

    [Fact]
    public void Detect_HalfEnglishHalfSpanish_ReturnsOther()
    {
        const string Text = "The results of the study show that the treatment is effective for most of the patients. "
            + "Los resultados del estudio muestran que el tratamiento es eficaz para la mayoría de los pacientes.";
        Assert.Equal(TextLanguage.Other, LanguageDetector.Detect(Text));
    }

    [Fact]
    public void Detect_LongEnglishDocumentWithSpanishQuote_ReturnsEnglish()
    {
        var english = string.Concat(Enumerable.Repeat(
            "The committee reviewed the evidence and concluded that the new policy should be adopted by all of the members. ", 10));
        Assert.Equal(TextLanguage.English, LanguageDetector.Detect(english + "Como dijo el presidente: «es el momento de actuar».'"));
    }

    [Fact]
    public void Detect_VeryLongText_ReadsOnlyTheBeginning()
    {
        var text = string.Concat(Enumerable.Repeat("El gobierno de la ciudad anunció que las obras terminarán en marzo. ", 400))
            + string.Concat(Enumerable.Repeat("The rest of this document is in English and it is long. ", 2000));
        Assert.Equal(TextLanguage.Spanish, LanguageDetector.Detect(text));
    }
}
