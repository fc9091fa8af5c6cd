namespace DocRag.Native.Llama;

/// <summary><c>llama_model_quantize</c>: rewrites a GGUF (F32/F16) with quantised weights.</summary>
public static unsafe class LlamaQuantizer
{
    /// <summary>Quantises <paramref name="input"/> into <paramref name="output"/>; <paramref name="threads"/> 0 = all cores.</summary>
    public static void Quantize(string input, string output, LlamaFileType fileType, int threads = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(input);
        ArgumentException.ThrowIfNullOrEmpty(output);
        if (!File.Exists(input))
        {
            throw new FileNotFoundException($"Model file not found: {input}", input);
        }

        LlamaBackend.EnsureLoaded();
        var parameters = LlamaNative.llama_model_quantize_default_params();
        parameters.Ftype = fileType;
        parameters.Nthread = threads;
        using var capture = LlamaLogCapture.Begin();
        var rc = LlamaNative.llama_model_quantize(input, output, &parameters);
        if (rc != 0)
        {
            throw new LlamaException($"llama.cpp could not quantize '{input}' to {fileType}: {capture.FirstError ?? $"code {rc}"}");
        }
    }
}
