namespace DocRag.Server.Tests;

/// <summary>Tests that load a llama.cpp model in the server share llama.cpp's process-wide log sink: one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class LlamaServerGroup
{
    public const string Name = "llama.cpp in the server";
}
