namespace DocRag.Core.Models;

/// <summary>A model the user copied into the models folder that is not in the catalog.</summary>
/// <param name="Name">Folder name, or file name without extension for a loose GGUF.</param>
/// <param name="Path">The model folder (ONNX) or the GGUF file.</param>
/// <param name="Format">ONNX folder or GGUF file.</param>
/// <param name="Bytes">Size of the model's weights (ONNX graphs or the GGUF).</param>
public sealed record LocalModel(string Name, string Path, LocalModelFormat Format, long Bytes);
