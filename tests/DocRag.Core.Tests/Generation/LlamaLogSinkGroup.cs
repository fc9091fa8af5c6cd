namespace DocRag.Core.Tests.Generation;

/// <summary>Tests that set llama.cpp's process-wide log sink (directly or by loading through the host) run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class LlamaLogSinkGroup
{
    public const string Name = "llama-log";
}
