using LLama.Native;

namespace DocRag.Native.Llama;

/// <summary>A llama.cpp sampler chain. Keeps the history the penalties use, so one per generated sequence.</summary>
public sealed class LlamaSampler : IDisposable
{
    private const uint DefaultSeed = 0xFFFFFFFF; // LLAMA_DEFAULT_SEED: a random seed

    private LlamaSampler(SafeLLamaSamplerChainHandle handle, LlamaSamplingSettings settings)
    {
        Handle = handle;
        Settings = settings;
    }

    /// <summary>LLamaSharp's handle of the chain.</summary>
    public SafeLLamaSamplerChainHandle Handle { get; }

    public LlamaSamplingSettings Settings { get; }

    /// <summary>Number of samplers in the chain.</summary>
    public int Length => Handle.Count;

    /// <summary>Builds the chain for <paramref name="settings"/>.</summary>
    public static LlamaSampler Create(LlamaSamplingSettings settings, LlamaVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(vocabulary);
        LlamaBackend.EnsureLoaded();
        var chainParams = LLamaSamplerChainParams.Default();
        chainParams.NoPerf = true;
        var chain = SafeLLamaSamplerChainHandle.Create(chainParams);
        try
        {
            var penalize = settings.RepeatLastN != 0
                && (settings.RepeatPenalty != 1f || settings.FrequencyPenalty != 0f || settings.PresencePenalty != 0f);
            if (penalize)
            {
                chain.AddPenalties(settings.RepeatLastN, settings.RepeatPenalty, settings.FrequencyPenalty, settings.PresencePenalty);
            }

            if (settings.IsGreedy)
            {
                chain.AddGreedySampler();
            }
            else
            {
                if (settings.TopK > 0)
                {
                    chain.AddTopK(settings.TopK);
                }

                if (settings.TopP < 1f)
                {
                    chain.AddTopP(settings.TopP, 1);
                }

                if (settings.MinP > 0f)
                {
                    chain.AddMinP(settings.MinP, 1);
                }

                chain.AddTemperature(settings.Temperature);
                chain.AddDistributionSampler(settings.Seed ?? DefaultSeed);
            }

            return new LlamaSampler(chain, settings);
        }
        catch
        {
            chain.Dispose();
            throw;
        }
    }

    public void Dispose() => Handle.Dispose();
}
