using System.Diagnostics.CodeAnalysis;

namespace DocRag.Native.Llama;

/// <summary><c>enum llama_ftype</c>: the quantisation of a model file (what <c>llama_model_quantize</c> produces).</summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Quantisation names (Q4_K_M) as everyone writes them.")]
public enum LlamaFileType
{
    AllF32 = 0,
    MostlyF16 = 1,
    MostlyQ4_0 = 2,
    MostlyQ4_1 = 3,
    MostlyQ8_0 = 7,
    MostlyQ5_0 = 8,
    MostlyQ5_1 = 9,
    MostlyQ2_K = 10,
    MostlyQ3_K_S = 11,
    MostlyQ3_K_M = 12,
    MostlyQ3_K_L = 13,
    MostlyQ4_K_S = 14,
    MostlyQ4_K_M = 15,
    MostlyQ5_K_S = 16,
    MostlyQ5_K_M = 17,
    MostlyQ6_K = 18,
    MostlyBF16 = 32,

    /// <summary>Not stated in the file; llama.cpp guessed it from the tensors.</summary>
    Guessed = 1024,
}
