namespace DocRag.Core.Tests.Embeddings;

/// <summary>Tests that read ONNX Runtime's process-wide log sink run alone: loading through the host sets it too.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OnnxLogSinkGroup
{
    public const string Name = "ort-log";
}
