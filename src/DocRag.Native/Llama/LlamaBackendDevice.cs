namespace DocRag.Native.Llama;

/// <summary>A ggml compute device after the backends were loaded (the CPU, a CUDA GPU, ...).</summary>
public sealed record LlamaBackendDevice(string Name, string Description, GgmlBackendDeviceType Type);
