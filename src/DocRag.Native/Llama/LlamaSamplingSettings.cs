namespace DocRag.Native.Llama;

/// <summary>
/// A sampler chain in llama.cpp's usual order: penalties, top-k, top-p, min-p, temperature, then a random draw
/// (or greedy when <see cref="Temperature"/> is 0 or less).
/// </summary>
public sealed record LlamaSamplingSettings
{
    /// <summary>0 or less = greedy (argmax).</summary>
    public float Temperature { get; init; } = 0.8f;

    /// <summary>0 or less disables top-k.</summary>
    public int TopK { get; init; } = 40;

    /// <summary>1 disables top-p.</summary>
    public float TopP { get; init; } = 0.95f;

    /// <summary>0 disables min-p.</summary>
    public float MinP { get; init; } = 0.05f;

    /// <summary>1 disables the repetition penalty.</summary>
    public float RepeatPenalty { get; init; } = 1.0f;

    /// <summary>How many recent tokens the penalties look at (0 disables them).</summary>
    public int RepeatLastN { get; init; } = 64;

    /// <summary>0 disables the frequency penalty.</summary>
    public float FrequencyPenalty { get; init; }

    /// <summary>0 disables the presence penalty.</summary>
    public float PresencePenalty { get; init; }

    /// <summary>Seed of the random draw; null = random.</summary>
    public uint? Seed { get; init; }

    /// <summary>Greedy decoding: always the most likely token.</summary>
    public static LlamaSamplingSettings Greedy { get; } = new() { Temperature = 0, TopK = 0, TopP = 1, MinP = 0 };

    public bool IsGreedy => Temperature <= 0;
}
