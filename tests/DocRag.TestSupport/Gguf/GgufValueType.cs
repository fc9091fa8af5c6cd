using System.Diagnostics.CodeAnalysis;

namespace DocRag.TestSupport.Gguf;

/// <summary><c>enum gguf_type</c>: the type tag of a GGUF metadata value.</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The GGUF specification names its value types this way.")]
public enum GgufValueType : uint
{
    UInt8 = 0,
    Int8 = 1,
    UInt16 = 2,
    Int16 = 3,
    UInt32 = 4,
    Int32 = 5,
    Float32 = 6,
    Bool = 7,
    String = 8,
    Array = 9,
    UInt64 = 10,
    Int64 = 11,
    Float64 = 12,
}
