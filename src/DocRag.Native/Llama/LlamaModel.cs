using LLama.Exceptions;
using LLama.Native;

namespace DocRag.Native.Llama;

/// <summary>
/// A loaded GGUF model (weights and vocabulary). Thread-safe to share: contexts created from it keep it alive, so
/// disposing the model only drops this owner's reference.
/// </summary>
public sealed partial class LlamaModel : IDisposable
{
    private readonly Lazy<Dictionary<string, string>> _metadata;

    private LlamaModel(string path, SafeLlamaModelHandle handle, bool vocabOnly)
    {
        Path = path;
        Handle = handle;
        VocabOnly = vocabOnly;
        Vocabulary = new LlamaVocabulary(handle);
        _metadata = new Lazy<Dictionary<string, string>>(ReadMetadata);
    }

    public string Path { get; }

    /// <summary>LLamaSharp's handle, for what this layer does not wrap.</summary>
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
        var parameters = LLamaModelParams.Default();
        if (options.GpuLayers is { } layers)
        {
            parameters.n_gpu_layers = layers;
        }

        parameters.vocab_only = options.VocabOnly;
        parameters.check_tensors = options.CheckTensors;
        using var capture = LlamaLogCapture.Begin();
        try
        {
            return new LlamaModel(full, SafeLlamaModelHandle.LoadFromFile(full, parameters), options.VocabOnly);
        }
        catch (LoadWeightsFailedException ex)
        {
            throw new LlamaException($"llama.cpp could not load '{full}': {capture.FirstError ?? "no reason given"}", ex);
        }
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

    private Dictionary<string, string> Metadata => _metadata.Value;

    public void Dispose() => Handle.Dispose();
}
