namespace DocRag.Native.Llama;

/// <summary>A llama.cpp sampler chain. Keeps the history the penalties use, so one per generated sequence.</summary>
public sealed class LlamaSampler : IDisposable
{
    private LlamaSampler(SafeLlamaSamplerHandle handle, LlamaSamplingSettings settings)
    {
        Handle = handle;
        Settings = settings;
    }

    public SafeLlamaSamplerHandle Handle { get; }

    public LlamaSamplingSettings Settings { get; }

    /// <summary>Number of samplers in the chain.</summary>
    public int Length => LlamaNative.llama_sampler_chain_n(Handle);

    /// <summary>Builds the chain for <paramref name="settings"/>; <paramref name="vocabulary"/> sizes the penalties.</summary>
    public static LlamaSampler Create(LlamaSamplingSettings settings, LlamaVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(vocabulary);
        LlamaBackend.EnsureLoaded();
        var chainParams = LlamaNative.llama_sampler_chain_default_params();
        chainParams.NoPerf = 1;
        var chain = LlamaNative.llama_sampler_chain_init(chainParams);
        if (chain.IsInvalid)
        {
            chain.Dispose();
            throw new LlamaException("llama.cpp could not create a sampler chain.");
        }

        try
        {
            var penalize = settings.RepeatLastN != 0
                && (settings.RepeatPenalty != 1f || settings.FrequencyPenalty != 0f || settings.PresencePenalty != 0f);
            if (penalize)
            {
                Add(chain, LlamaNative.llama_sampler_init_penalties(
                    vocabulary.Count, settings.RepeatLastN, settings.RepeatPenalty, settings.FrequencyPenalty, settings.PresencePenalty));
            }

            if (settings.IsGreedy)
            {
                Add(chain, LlamaNative.llama_sampler_init_greedy());
            }
            else
            {
                if (settings.TopK > 0)
                {
                    Add(chain, LlamaNative.llama_sampler_init_top_k(settings.TopK));
                }

                if (settings.TopP < 1f)
                {
                    Add(chain, LlamaNative.llama_sampler_init_top_p(settings.TopP, 1));
                }

                if (settings.MinP > 0f)
                {
                    Add(chain, LlamaNative.llama_sampler_init_min_p(settings.MinP, 1));
                }

                Add(chain, LlamaNative.llama_sampler_init_temp(settings.Temperature));
                Add(chain, LlamaNative.llama_sampler_init_dist(settings.Seed ?? LlamaNative.DefaultSeed));
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

    private static void Add(SafeLlamaSamplerHandle chain, nint sampler)
    {
        if (sampler == 0)
        {
            throw new LlamaException("llama.cpp could not create a sampler.");
        }

        LlamaNative.llama_sampler_chain_add(chain, sampler);
    }
}
