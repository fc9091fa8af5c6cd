using System.Runtime.InteropServices;

namespace DocRag.Native.Llama;

/// <summary>Facts about the loaded model, read from llama.cpp (which read them from the GGUF metadata).</summary>
public sealed partial class LlamaModel
{
    /// <summary>The context length the model was trained with (<c>n_ctx_train</c>).</summary>
    public int TrainContextSize => LlamaNative.llama_model_n_ctx_train(Handle);

    public int EmbeddingSize => LlamaNative.llama_model_n_embd(Handle);

    public int LayerCount => LlamaNative.llama_model_n_layer(Handle);

    public int HeadCount => LlamaNative.llama_model_n_head(Handle);

    public int HeadCountKv => LlamaNative.llama_model_n_head_kv(Handle);

    /// <summary>Number of parameters (0 for a vocabulary-only load).</summary>
    public long ParameterCount => (long)LlamaNative.llama_model_n_params(Handle);

    /// <summary>Total bytes of all tensors.</summary>
    public long SizeInBytes => (long)LlamaNative.llama_model_size(Handle);

    public LlamaFileType FileType => LlamaNative.llama_model_ftype(Handle);

    /// <summary><c>general.architecture</c> ("llama", "qwen2", ...).</summary>
    public string Architecture => GetMetadata("general.architecture") ?? string.Empty;

    /// <summary>llama.cpp's one-line description ("llama 1B Q4_K - Medium").</summary>
    public unsafe string Description => ReadString((buf, size) => LlamaNative.llama_model_desc(Handle, (byte*)buf, size)) ?? string.Empty;

    /// <summary>The Jinja chat template stored in the GGUF (<c>tokenizer.chat_template</c>), or null when it has none.</summary>
    public unsafe string? ChatTemplate
    {
        get
        {
            var ptr = LlamaNative.llama_model_chat_template(Handle, null);
            return ptr == null ? null : Marshal.PtrToStringUTF8((nint)ptr);
        }
    }

    /// <summary>A scalar GGUF metadata value as a string, or null when the key is absent (arrays are not supported).</summary>
    public unsafe string? GetMetadata(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return ReadString((buf, size) => LlamaNative.llama_model_meta_val_str(Handle, key, (byte*)buf, size));
    }
}
