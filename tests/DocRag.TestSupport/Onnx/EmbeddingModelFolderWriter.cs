using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DocRag.TestSupport.Onnx;

/// <summary>
/// Writes a model folder laid out as sentence-transformers exports it: model.onnx, tokenizer files, config.json,
/// 1_Pooling/config.json and sentence_bert_config.json.
/// </summary>
public static class EmbeddingModelFolderWriter
{
    private static readonly string[] TokenizerFiles = ["tokenizer.json", "vocab.txt", "tokenizer_config.json", "special_tokens_map.json"];
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Writes the folder (created if needed) and returns its full path.</summary>
    public static string Write(string directory, EmbeddingFolderSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var dir = Path.GetFullPath(directory);
        Directory.CreateDirectory(dir);
        BertOnnxModelWriter.Write(Path.Combine(dir, "model.onnx"), spec.Model);
        if (spec.TokenizerDirectory is { } source)
        {
            foreach (var file in TokenizerFiles.Where(f => File.Exists(Path.Combine(source, f))))
            {
                File.Copy(Path.Combine(source, file), Path.Combine(dir, file), overwrite: true);
            }
        }
        else
        {
            File.WriteAllText(Path.Combine(dir, "vocab.txt"), SmallVocabulary());
        }

        var m = spec.Model;
        WriteJson(dir, "config.json", new Dictionary<string, object>
        {
            ["architectures"] = new[] { "BertModel" },
            ["model_type"] = "bert",
            ["hidden_size"] = m.HiddenSize,
            ["num_hidden_layers"] = m.Layers,
            ["num_attention_heads"] = m.Heads,
            ["intermediate_size"] = m.IntermediateSize,
            ["max_position_embeddings"] = m.MaxPositions,
            ["vocab_size"] = m.VocabSize,
            ["type_vocab_size"] = m.TypeVocabSize,
            ["hidden_act"] = "gelu",
            ["layer_norm_eps"] = m.LayerNormEpsilon,
        });
        if (spec.Pooling is { } pooling)
        {
            WriteJson(dir, "1_Pooling/config.json", new Dictionary<string, object>
            {
                ["word_embedding_dimension"] = m.HiddenSize,
                ["pooling_mode_cls_token"] = pooling == "cls",
                ["pooling_mode_mean_tokens"] = pooling == "mean",
                ["pooling_mode_max_tokens"] = pooling == "max",
                ["pooling_mode_mean_sqrt_len_tokens"] = false,
            });
        }

        if (spec.MaxSequenceLength is { } max)
        {
            WriteJson(dir, "sentence_bert_config.json", new Dictionary<string, object> { ["max_seq_length"] = max, ["do_lower_case"] = false });
        }

        return dir;
    }

    /// <summary>A BERT vocabulary of special tokens, letters, digits, word pieces and some common words (ids well below 30522).</summary>
    public static string SmallVocabulary()
    {
        var tokens = new List<string> { "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ".", ",", "!", "?", "'", "-", ":" };
        for (var c = 'a'; c <= 'z'; c++)
        {
            tokens.Add(c.ToString());
            tokens.Add("##" + c);
        }

        for (var d = 0; d <= 9; d++)
        {
            tokens.Add(d.ToString(CultureInfo.InvariantCulture));
            tokens.Add("##" + d.ToString(CultureInfo.InvariantCulture));
        }

        tokens.AddRange(["the", "a", "of", "and", "to", "in", "is", "it", "cat", "dog", "sat", "on", "mat", "query", "passage", "hello", "world", "doc", "##rag"]);
        var text = new StringBuilder();
        foreach (var token in tokens)
        {
            text.Append(token).Append('\n');
        }

        return text.ToString();
    }

    private static void WriteJson(string dir, string relative, Dictionary<string, object> content)
    {
        var path = Path.Combine(dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(content, Indented) + "\n");
    }
}
