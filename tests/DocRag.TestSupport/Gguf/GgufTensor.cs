namespace DocRag.TestSupport.Gguf;

/// <summary>
/// A tensor to write: GGUF dimension order (ne0 first: the row length), its byte length, and a callback that streams
/// exactly that many bytes (so multi-gigabyte models never sit in memory).
/// </summary>
public sealed record GgufTensor(string Name, GgufTensorType Type, long[] Dimensions, long ByteLength, Action<Stream> WriteData);
