namespace DocRag.Native.Llama;

/// <summary><c>enum llama_flash_attn_type</c>.</summary>
public enum LlamaFlashAttentionType
{
    Auto = -1,
    Disabled = 0,
    Enabled = 1,
}
