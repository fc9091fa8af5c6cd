namespace DocRag.TestSupport.Gguf;

/// <summary>The ggml tensor types the test-model writer produces (ggml's numbering).</summary>
public enum GgufTensorType : uint
{
    F32 = 0,
    F16 = 1,
}
