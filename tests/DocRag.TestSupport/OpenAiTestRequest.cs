using System.Text.Json.Nodes;

namespace DocRag.TestSupport;

/// <summary>A request <see cref="OpenAiTestServer"/> received: its path, Authorization header and JSON body.</summary>
public sealed record OpenAiTestRequest(string Path, string Authorization, JsonObject Body);
