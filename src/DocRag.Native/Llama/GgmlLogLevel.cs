namespace DocRag.Native.Llama;

/// <summary><c>enum ggml_log_level</c>: the level llama.cpp and ggml attach to each log message.</summary>
public enum GgmlLogLevel
{
    None = 0,
    Debug = 1,
    Info = 2,
    Warn = 3,
    Error = 4,

    /// <summary>Continues the previous message (for example the progress dots of a model load).</summary>
    Continue = 5,
}
