namespace DocRag.Bench.Load;

/// <summary>Questions about samples/docs (English and Spanish), used for both search and ask.</summary>
internal static class LoadQueries
{
    public static IReadOnlyList<string> All { get; } =
    [
        "How do I get started?",
        "What is quantization and how does it reduce model size?",
        "Which embedding models are supported?",
        "What does chunk overlap mean?",
        "The server does not start, what should I check?",
        "Which licences apply to the models?",
        "What is a GGUF file?",
        "How much memory does a quantized model need?",
        "Why are my search results empty?",
        "glossary retrieval augmented generation",
        "¿Qué es la fragmentación de documentos?",
        "¿Debo usar CPU o GPU?",
        "¿Cómo se protege la privacidad de los datos?",
        "plantillas de chat y parámetros de generación",
        "preguntas frecuentes sobre el índice",
        "cosine similarity of sentence embeddings",
    ];
}
