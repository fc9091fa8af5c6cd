namespace DocRag.Native.Llama;

/// <summary><c>enum ggml_backend_dev_type</c>.</summary>
public enum GgmlBackendDeviceType
{
    Cpu = 0,
    Gpu = 1,
    IntegratedGpu = 2,
    Accelerator = 3,
}
