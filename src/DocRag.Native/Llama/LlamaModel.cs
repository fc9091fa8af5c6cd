using DocRag.Native.Llama.Interop;

namespace DocRag.Native.Llama;

/// <summary>
/// A loaded GGUF model (weights and vocabulary). Thread-safe to share: contexts created from it keep it alive, so
/// disposing the model only drops this owner's reference.
/// </summary>
public sealed partial class LlamaModel : IDisposable
{
    private LlamaModel(string path, SafeLlamaModelHandle handle, bool vocabOnly)
    {
        Path = path;
        Handle = handle;
        VocabOnly = vocabOnly;
        Vocabulary = new LlamaVocabulary(handle, LlamaNative.llama_model_get_vocab(handle));
    }

    public string Path { get; }

    public SafeLlamaModelHandle Handle { get; }

    public LlamaVocabulary Vocabulary { get; }

    /// <summary>True when only the vocabulary was loaded; such a model cannot create contexts.</summary>
    public bool VocabOnly { get; }

    /// <summary>
    /// Loads a GGUF file. Throws <see cref="FileNotFoundException"/> for a missing file and <see cref="LlamaException"/>
    /// with llama.cpp's own reason when it refuses the file. Note: llama.cpp aborts the process on some malformed files;
    /// probe unknown files in a child process first.
    /// </summary>
    public static LlamaModel Load(string path, LlamaModelLoadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"Model file not found: {full}", full);
        }

        LlamaBackend.EnsureLoaded();
        options ??= new LlamaModelLoadOptions();
        var parameters = CreateParams(options);
        using var capture = LlamaLogCapture.Begin();
        var handle = LlamaNative.llama_model_load_from_file(full, parameters);
        if (handle.IsInvalid)
        {
            handle.Dispose();
            throw new LlamaException($"llama.cpp could not load '{full}': {capture.FirstError ?? "no reason given"}");
        }

        return new LlamaModel(full, handle, options.VocabOnly);
    }

    /// <summary>The parameters <see cref="Load"/> passes: llama.cpp's defaults with the options applied.</summary>
    internal static LlamaModelParams CreateParams(LlamaModelLoadOptions options)
    {
        var parameters = LlamaNative.llama_model_default_params();
        if (options.GpuLayers is { } layers)
        {
            parameters.NGpuLayers = layers;
        }

        parameters.VocabOnly = options.VocabOnly ? (byte)1 : (byte)0;
        parameters.CheckTensors = options.CheckTensors ? (byte)1 : (byte)0;
        return parameters;
    }

    /// <summary>Creates an inference context (its own KV cache); one thread at a time may use it.</summary>
    public LlamaContext CreateContext(LlamaContextOptions? options = null)
    {
        ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
        if (VocabOnly)
        {
            throw new InvalidOperationException($"'{Path}' was loaded vocabulary-only and cannot run inference.");
        }

        return new LlamaContext(this, options ?? new LlamaContextOptions());
    }

    public void Dispose() => Handle.Dispose();

    /// <summary>Reads a NUL-terminated string that llama.cpp writes into a caller buffer, growing it when too small.</summary>
    private static unsafe string? ReadString(Func<nint, nuint, int> read)
    {
        var buffer = new byte[256];
        while (true)
        {
            int n;
            fixed (byte* p = buffer)
            {
                n = read((nint)p, (nuint)buffer.Length);
            }

            if (n < 0)
            {
                return null;
            }

            if (n < buffer.Length)
            {
                return System.Text.Encoding.UTF8.GetString(buffer, 0, n);
            }

            buffer = new byte[n + 1];
        }
    }
}
