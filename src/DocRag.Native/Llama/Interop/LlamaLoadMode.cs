namespace DocRag.Native.Llama.Interop;

/// <summary><c>enum llama_load_mode</c>: how the weights are read (mmap, mlock, direct I/O).</summary>
internal enum LlamaLoadMode
{
    Auto = -1,
    None = 0,
    Mmap = 1,
    Mlock = 2,
    MmapMlock = 3,
    DirectIo = 4,
}
