namespace DocRag.Native.Llama.Interop;

/// <summary><c>enum llama_lazy_mode</c>: on-demand reading of large tensors.</summary>
internal enum LlamaLazyMode
{
    Off = 0,
    Auto = 1,
    On = 2,
}
