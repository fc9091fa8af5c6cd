using System.Runtime.InteropServices;
using DocRag.Native.Llama.Interop;
using DocRag.Native.Loading;

namespace DocRag.Native.Llama;

/// <summary>Sampler chain entry points. Samplers added to a chain belong to it, so only the chain is a SafeHandle.</summary>
internal static partial class LlamaNative
{
    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial LlamaSamplerChainParams llama_sampler_chain_default_params();

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial SafeLlamaSamplerHandle llama_sampler_chain_init(LlamaSamplerChainParams parameters);

    /// <summary>Takes ownership of <paramref name="sampler"/>.</summary>
    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial void llama_sampler_chain_add(SafeLlamaSamplerHandle chain, nint sampler);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial int llama_sampler_chain_n(SafeLlamaSamplerHandle chain);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial void llama_sampler_free(nint sampler);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial nint llama_sampler_init_greedy();

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial nint llama_sampler_init_dist(uint seed);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial nint llama_sampler_init_top_k(int k);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial nint llama_sampler_init_top_p(float p, nuint minKeep);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial nint llama_sampler_init_min_p(float p, nuint minKeep);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial nint llama_sampler_init_temp(float t);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial nint llama_sampler_init_penalties(
        int nVocab, int penaltyLastN, float penaltyRepeat, float penaltyFreq, float penaltyPresent);

    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial uint llama_sampler_get_seed(SafeLlamaSamplerHandle sampler);

    /// <summary>Samples from output <paramref name="idx"/> of the last decode (-1 = last) and accepts the token.</summary>
    [LibraryImport(NativeLibraryNames.Llama)]
    internal static partial int llama_sampler_sample(SafeLlamaSamplerHandle sampler, SafeLlamaContextHandle ctx, int idx);
}
