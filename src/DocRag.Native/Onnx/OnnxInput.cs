namespace DocRag.Native.Onnx;

/// <summary>A named input for <see cref="OnnxSession.Run"/>.</summary>
public readonly record struct OnnxInput(string Name, OnnxValue Value);
