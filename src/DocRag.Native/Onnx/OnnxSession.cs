using System.Runtime.InteropServices;
using System.Text;
using DocRag.Native.Onnx.Handles;

namespace DocRag.Native.Onnx;

/// <summary>
/// An ONNX Runtime inference session over one model file. Safe to run from several threads at once (ORT's contract);
/// input and output names are marshalled once, here, not on every run.
/// </summary>
public sealed unsafe partial class OnnxSession : IDisposable
{
    private readonly OrtSessionHandle _handle;
    private readonly Dictionary<string, nint> _namePointers = new(StringComparer.Ordinal);

    private OnnxSession(OrtSessionHandle handle, string modelPath, OnnxExecutionProvider provider, string? fallbackReason, int intraOpThreads)
    {
        _handle = handle;
        ModelPath = modelPath;
        ExecutionProvider = provider;
        FallbackReason = fallbackReason;
        IntraOpThreads = intraOpThreads;
        try
        {
            Inputs = ReadNodes(isInput: true);
            Outputs = ReadNodes(isInput: false);
            foreach (var node in Inputs.Concat(Outputs))
            {
                _namePointers.TryAdd(node.Name, ToUtf8(node.Name));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The full path of the model file.</summary>
    public string ModelPath { get; }

    /// <summary>The provider the session really runs on: <see cref="OnnxExecutionProvider.Cpu"/> or <see cref="OnnxExecutionProvider.Cuda"/>.</summary>
    public OnnxExecutionProvider ExecutionProvider { get; }

    /// <summary>Why CUDA was not used when the settings said <see cref="OnnxExecutionProvider.Auto"/>; null otherwise.</summary>
    public string? FallbackReason { get; }

    public int IntraOpThreads { get; }

    public IReadOnlyList<OnnxNodeInfo> Inputs { get; }

    public IReadOnlyList<OnnxNodeInfo> Outputs { get; }

    public void Dispose()
    {
        _handle.Dispose();
        foreach (var pointer in _namePointers.Values)
        {
            NativeMemory.Free((void*)pointer);
        }

        _namePointers.Clear();
    }

    private static nint ToUtf8(string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        var buffer = (byte*)NativeMemory.Alloc((nuint)length + 1);
        Encoding.UTF8.GetBytes(text, new Span<byte>(buffer, length));
        buffer[length] = 0;
        return (nint)buffer;
    }
}
