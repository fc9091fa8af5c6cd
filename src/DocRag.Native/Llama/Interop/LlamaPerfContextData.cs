using System.Runtime.InteropServices;

namespace DocRag.Native.Llama.Interop;

/// <summary><c>struct llama_perf_context_data</c>: llama.cpp's own timings of a context.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LlamaPerfContextData
{
    public double TStartMs;
    public double TLoadMs;
    public double TPEvalMs;
    public double TEvalMs;
    public int NPEval;
    public int NEval;
    public int NReused;
}
