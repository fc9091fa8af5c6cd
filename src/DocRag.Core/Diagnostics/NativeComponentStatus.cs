namespace DocRag.Core.Diagnostics;

/// <summary>Whether a native runtime loaded, and its version line or the reason it did not.</summary>
public sealed record NativeComponentStatus(string Name, string PinnedVersion, bool Loaded, string Detail);
