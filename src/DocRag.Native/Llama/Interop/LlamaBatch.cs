using System.Runtime.InteropServices;

namespace DocRag.Native.Llama.Interop;

/// <summary><c>struct llama_batch</c>: parallel arrays of <see cref="NTokens"/> entries, allocated by <c>llama_batch_init</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LlamaBatch
{
    public int NTokens;
    public int* Token;
    public float* Embd;
    public int* Pos;
    public int* NSeqId;
    public int** SeqId;

    /// <summary><c>int8_t* logits</c>: non-zero where the logits of that token are wanted.</summary>
    public sbyte* Logits;
}
