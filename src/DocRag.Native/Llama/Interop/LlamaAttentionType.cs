namespace DocRag.Native.Llama.Interop;

/// <summary><c>enum llama_attention_type</c>.</summary>
internal enum LlamaAttentionType
{
    Unspecified = -1,
    Causal = 0,
    NonCausal = 1,
}
