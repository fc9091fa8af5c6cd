using System.ComponentModel.DataAnnotations;
using DocRag.Core.Remote;

namespace DocRag.Core.Generation;

/// <summary>The local generator (section <c>DocRag:Generation</c>): which GGUF model, how it runs, default sampling.</summary>
public sealed class GenerationOptions
{
    public const string SectionName = "DocRag:Generation";

    /// <summary>The value of <see cref="Model"/> that turns generation off (answers are extractive).</summary>
    public const string NoModel = "none";

    /// <summary>
    /// A .gguf path, or a file name under the models folder; empty = the first *.gguf found in the models folder;
    /// "none" = no generator.
    /// </summary>
    public string? Model { get; set; }

    /// <summary>Context length in tokens, capped at the model's training context; 0 = the training context.</summary>
    [Range(0, 1 << 20)]
    public int ContextSize { get; set; } = 4096;

    /// <summary>Layers offloaded to the GPU; null = all when a GPU backend is present, else 0; -1 = all.</summary>
    [Range(-1, 10_000)]
    public int? GpuLayers { get; set; }

    /// <summary>CPU threads for inference; 0 = one per logical processor.</summary>
    [Range(0, 1024)]
    public int Threads { get; set; }

    /// <summary>Prompt tokens submitted per decode call.</summary>
    [Range(1, 1 << 16)]
    public int BatchSize { get; set; } = 512;

    /// <summary>Contexts (KV caches) serving requests in parallel; each costs memory.</summary>
    [Range(1, 64)]
    public int ContextPoolSize { get; set; } = 1;

    /// <summary>Requests allowed to wait for a context; one more is refused (<see cref="GenerationQueueFullException"/>, HTTP 429).</summary>
    [Range(0, 100_000)]
    public int MaxQueue { get; set; } = 16;

    /// <summary>Default temperature; low, because RAG answers should stick to the sources. 0 = greedy.</summary>
    [Range(0.0, 5.0)]
    public float Temperature { get; set; } = 0.2f;

    [Range(0.0, 1.0)]
    public float TopP { get; set; } = 0.9f;

    /// <summary>0 disables top-k.</summary>
    [Range(0, 100_000)]
    public int TopK { get; set; } = 40;

    [Range(0.0, 1.0)]
    public float MinP { get; set; } = 0.05f;

    /// <summary>1 disables the repetition penalty.</summary>
    [Range(0.5, 3.0)]
    public float RepeatPenalty { get; set; } = 1.1f;

    /// <summary>How many recent tokens the repetition penalty considers.</summary>
    [Range(0, 1 << 16)]
    public int RepeatLastN { get; set; } = 64;

    /// <summary>Default seed; null = random per request.</summary>
    public uint? Seed { get; set; }

    /// <summary>Default cap on generated tokens per request.</summary>
    [Range(1, 1 << 20)]
    public int MaxOutputTokens { get; set; } = 512;

    /// <summary>A llama.cpp built-in template used when the model has none or llama.cpp does not recognise its own.</summary>
    [Required(AllowEmptyStrings = false)]
    public string FallbackChatTemplate { get; set; } = "chatml";

    /// <summary>Longest a child-process probe of a new model file may take.</summary>
    [Range(1, 3600)]
    public int ProbeTimeoutSeconds { get; set; } = 120;

    /// <summary>
    /// A remote OpenAI-compatible server to generate with instead of a local GGUF (<c>DocRag:Generation:Endpoint:Url</c>,
    /// <c>:Model</c>, <c>:ApiKey</c>, <c>:ContextSize</c>); when its URL is set, <see cref="Model"/> is not used.
    /// </summary>
    public RemoteEndpointOptions Endpoint { get; set; } = new();

    /// <summary>True when <see cref="Model"/> is "none".</summary>
    public bool IsDisabled => string.Equals(Model?.Trim(), NoModel, StringComparison.OrdinalIgnoreCase);
}
