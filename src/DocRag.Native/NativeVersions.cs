namespace DocRag.Native;

/// <summary>The llama.cpp build DocRag is tested against: the one LLamaSharp.Backend.Cpu 0.30.0 ships.</summary>
public static class NativeVersions
{
    /// <summary>The llama.cpp commit LLamaSharp 0.30.0 binds (its native libraries report no version of their own).</summary>
    public const string LlamaCppCommit = "c0c7e147";

    /// <summary>The LLamaSharp package that carries it.</summary>
    public const string LlamaSharp = "0.30.0";
}
