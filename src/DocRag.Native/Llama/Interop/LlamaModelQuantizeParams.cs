using System.Runtime.InteropServices;

namespace DocRag.Native.Llama.Interop;

/// <summary><c>struct llama_model_quantize_params</c> (v0.5.0). Start from <c>llama_model_quantize_default_params()</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LlamaModelQuantizeParams
{
    public int Nthread;
    public LlamaFileType Ftype;
    public GgmlType OutputTensorType;
    public GgmlType TokenEmbeddingType;
    public byte AllowRequantize;
    public byte QuantizeOutputTensor;
    public byte OnlyCopy;
    public byte Pure;
    public byte KeepSplit;
    public byte DryRun;
    public nint Imatrix;
    public nint KvOverrides;
    public nint TtOverrides;
    public nint PruneLayers;
    public nuint MaxBufSize;
}
