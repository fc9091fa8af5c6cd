using System.Text;
using LLama.Native;

namespace DocRag.Native.Llama;

/// <summary>Facts about the loaded model, read from llama.cpp (which read them from the GGUF metadata).</summary>
public sealed partial class LlamaModel
{
    /// <summary>The context length the model was trained with (<c>n_ctx_train</c>).</summary>
    public int TrainContextSize => Handle.ContextSize;

    public int EmbeddingSize => Handle.EmbeddingSize;

    public int LayerCount => Handle.LayerCount;

    public int HeadCount => Handle.HeadCount;

    public int HeadCountKv => Handle.KVHeadCount;

    /// <summary>Number of parameters (0 for a vocabulary-only load).</summary>
    public long ParameterCount => (long)Handle.ParameterCount;

    /// <summary>Total bytes of all tensors.</summary>
    public long SizeInBytes => (long)Handle.SizeInBytes;

    /// <summary>The file's quantisation as LLamaSharp names llama.cpp's <c>llama_ftype</c> ("MOSTLY_Q4_K_M", "ALL_F32").</summary>
    public string FileType => Handle.FileType.ToString();

    /// <summary><c>general.architecture</c> ("llama", "qwen2", ...).</summary>
    public string Architecture => GetMetadata("general.architecture") ?? string.Empty;

    /// <summary>llama.cpp's one-line description ("llama 1B Q4_K - Medium").</summary>
    public string Description => Handle.Description;

    /// <summary>The Jinja chat template stored in the GGUF (<c>tokenizer.chat_template</c>), or null when it has none.</summary>
    public string? ChatTemplate => Handle.GetTemplate(name: null, strict: false);

    /// <summary>A scalar GGUF metadata value as a string, or null when the key is absent (arrays are not supported).</summary>
    public string? GetMetadata(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return Metadata.GetValueOrDefault(key);
    }

    // Read once by index: LLamaSharp 0.30's lookup by key misses keys that the index lists (general.name of a generated model).
    private Dictionary<string, string> ReadMetadata()
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Handle.MetadataCount; i++)
        {
            if (Handle.MetadataKeyByIndex(i) is { } key && Handle.MetadataValueByIndex(i) is { } value)
            {
                metadata.TryAdd(Encoding.UTF8.GetString(key.Span), Encoding.UTF8.GetString(value.Span));
            }
        }

        return metadata;
    }
}
