namespace DocRag.Native.Llama.Interop;

/// <summary><c>enum llama_context_type</c>.</summary>
internal enum LlamaContextType
{
    Default = 0,
    MultiTokenPrediction = 1,
}
