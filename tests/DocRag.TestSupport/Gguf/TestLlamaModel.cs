namespace DocRag.TestSupport.Gguf;

/// <summary>
/// Writes a LLaMA-architecture GGUF with seeded random weights and <see cref="TestLlamaVocabulary"/>: the same seed and
/// shape always give the same bytes. Its output is gibberish; it exercises loading, templates, decoding and speed.
/// </summary>
public static partial class TestLlamaModel
{
    /// <summary>A ChatML Jinja template (Qwen-style), which llama.cpp recognises by its &lt;|im_start|&gt; markers.</summary>
    public const string ChatMlTemplate =
        "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}{% endfor %}" +
        "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}";

    /// <summary>Writes the model to <paramref name="path"/> and returns the path.</summary>
    public static string Write(string path, LlamaModelShape shape, int seed = 42, GgufTensorType weightType = GgufTensorType.F32,
        string? chatTemplate = ChatMlTemplate, string architecture = "llama", string name = "docrag-test-llama")
    {
        ArgumentNullException.ThrowIfNull(shape);
        var writer = new GgufWriter();
        AddMetadata(writer, shape, weightType, chatTemplate, architecture, name);
        AddTensors(writer, shape, seed, weightType);
        writer.Write(path);
        return path;
    }

    /// <summary>Writes the tiny model with the ChatML template into <paramref name="directory"/>.</summary>
    public static string WriteTiny(string directory, string fileName = "tiny-llama.gguf", string? chatTemplate = ChatMlTemplate, int seed = 42) =>
        Write(Path.Combine(directory, fileName), LlamaModelShape.Tiny, seed, GgufTensorType.F32, chatTemplate);

    private static void AddMetadata(GgufWriter w, LlamaModelShape s, GgufTensorType weightType, string? chatTemplate, string arch, string name)
    {
        w.Add("general.architecture", arch)
            .Add("general.name", name)
            .Add("general.file_type", (uint)(weightType == GgufTensorType.F16 ? 1 : 0))
            .Add($"{arch}.context_length", (uint)s.ContextLength)
            .Add($"{arch}.embedding_length", (uint)s.Hidden)
            .Add($"{arch}.block_count", (uint)s.Layers)
            .Add($"{arch}.feed_forward_length", (uint)s.FeedForward)
            .Add($"{arch}.attention.head_count", (uint)s.Heads)
            .Add($"{arch}.attention.head_count_kv", (uint)s.KvHeads)
            .Add($"{arch}.rope.dimension_count", (uint)s.HeadDimension)
            .Add($"{arch}.rope.freq_base", s.RopeFreqBase)
            .Add($"{arch}.attention.layer_norm_rms_epsilon", 1e-5f)
            .Add($"{arch}.vocab_size", (uint)s.VocabularySize);

        var (tokens, scores, types) = TestLlamaVocabulary.Build(s.VocabularySize);
        w.Add("tokenizer.ggml.model", "llama")
            .AddArray("tokenizer.ggml.tokens", GgufValueType.String, tokens)
            .AddArray("tokenizer.ggml.scores", GgufValueType.Float32, scores)
            .AddArray("tokenizer.ggml.token_type", GgufValueType.Int32, types)
            .Add("tokenizer.ggml.bos_token_id", (uint)TestLlamaVocabulary.Bos)
            .Add("tokenizer.ggml.eos_token_id", (uint)TestLlamaVocabulary.Eos)
            .Add("tokenizer.ggml.unknown_token_id", (uint)TestLlamaVocabulary.Unknown)
            .Add("tokenizer.ggml.add_bos_token", true)
            .Add("tokenizer.ggml.add_eos_token", false);
        if (chatTemplate is not null)
        {
            w.Add("tokenizer.chat_template", chatTemplate);
        }
    }
}
