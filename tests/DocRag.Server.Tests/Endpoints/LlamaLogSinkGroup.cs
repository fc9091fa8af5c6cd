namespace DocRag.Server.Tests.Endpoints;

/// <summary>Tests that load a GGUF attach llama.cpp's process-wide log sink; they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class LlamaLogSinkGroup
{
    public const string Name = "llama.cpp log sink";
}
