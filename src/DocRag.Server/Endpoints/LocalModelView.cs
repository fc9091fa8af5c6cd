namespace DocRag.Server.Endpoints;

/// <summary>A model found in the models folder that the catalog does not list (copied in by the user).</summary>
/// <param name="Role"><c>embedding</c> (an ONNX folder) or <c>generator</c> (a GGUF file).</param>
public sealed record LocalModelView(string Name, string Role, long SizeBytes, bool InUse);
