namespace DocRag.Core.Models;

/// <summary>The kind of a model found in the models folder that the catalog does not list.</summary>
public enum LocalModelFormat
{
    /// <summary>A folder holding an ONNX graph (<c>model.onnx</c> or <c>onnx/*.onnx</c>): an embedding model.</summary>
    Onnx,

    /// <summary>A <c>.gguf</c> file: a llama.cpp model.</summary>
    Gguf,
}
