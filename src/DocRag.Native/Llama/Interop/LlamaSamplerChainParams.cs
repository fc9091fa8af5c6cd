using System.Runtime.InteropServices;

namespace DocRag.Native.Llama.Interop;

/// <summary><c>struct llama_sampler_chain_params</c>: a single C <c>bool</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LlamaSamplerChainParams
{
    public byte NoPerf;
}
