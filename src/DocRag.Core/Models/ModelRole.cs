using System.Text.Json.Serialization;

namespace DocRag.Core.Models;

/// <summary>What a model does in DocRag.</summary>
public enum ModelRole
{
    /// <summary>A sentence-embedding model (ONNX + tokenizer) used for vector search.</summary>
    [JsonStringEnumMemberName("embedding")]
    Embedding,

    /// <summary>A chat model (GGUF) used by llama.cpp to write answers.</summary>
    [JsonStringEnumMemberName("generator")]
    Generator,
}
