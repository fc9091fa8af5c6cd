namespace DocRag.Native.Llama.Interop;

/// <summary><c>enum llama_split_mode</c>: how a model is split across several GPUs.</summary>
internal enum LlamaSplitMode
{
    None = 0,
    Layer = 1,
    Row = 2,
    Tensor = 3,
}
