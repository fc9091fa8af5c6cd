using System.Text.Json;
using DocRag.Native.Llama;

namespace DocRag.ModelProbe;

/// <summary>
/// <c>DocRag.ModelProbe MODEL.gguf [--vocab-only]</c>: loads the model (weights too unless vocab-only), runs one decode
/// step on a small CPU context, and prints the model's facts as one JSON object. Exit codes: 0 good, 2 refused by
/// llama.cpp (reason on stderr), 64 usage. A crash (llama.cpp abort) shows up to the parent as a signal exit.
/// </summary>
internal static class ProbeCommand
{
    public const int ExitRefused = 2;
    public const int ExitUsage = 64;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var path = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (path is null || args.Any(a => a.StartsWith("--", StringComparison.Ordinal) && a != "--vocab-only"))
        {
            stderr.WriteLine("usage: DocRag.ModelProbe MODEL.gguf [--vocab-only]");
            return ExitUsage;
        }

        var vocabOnly = args.Contains("--vocab-only");
        // Warnings and errors go to stderr, where the parent reads the last line as the reason for a crash.
        LlamaLog.SetSink((level, line) =>
        {
            if (level is GgmlLogLevel.Warn or GgmlLogLevel.Error)
            {
                stderr.WriteLine($"llama.cpp: {line}");
                stderr.Flush();
            }
        });

        try
        {
            using var model = LlamaModel.Load(path, new LlamaModelLoadOptions { VocabOnly = vocabOnly, GpuLayers = 0 });
            if (!vocabOnly)
            {
                DecodeOneStep(model);
            }

            WriteFacts(model, stdout);
            return 0;
        }
        catch (Exception ex) when (ex is LlamaException or FileNotFoundException or InvalidOperationException)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return ExitRefused;
        }
    }

    // Builds and runs the compute graph once: shape errors that only show at inference surface here, not in the server.
    private static void DecodeOneStep(LlamaModel model)
    {
        using var context = model.CreateContext(new LlamaContextOptions { ContextSize = 64, BatchSize = 8, Threads = 1 });
        var vocab = model.Vocabulary;
        var first = vocab.BeginningOfSequence >= 0 ? vocab.BeginningOfSequence : 0;
        context.Decode([first]);
        using var sampler = LlamaSampler.Create(LlamaSamplingSettings.Greedy, vocab);
        var next = context.Sample(sampler);
        if (next < 0 || next >= vocab.Count)
        {
            throw new LlamaException($"The model sampled token {next}, outside its vocabulary of {vocab.Count}.");
        }
    }

    private static void WriteFacts(LlamaModel model, TextWriter stdout)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("path", model.Path);
            json.WriteString("architecture", model.Architecture);
            json.WriteString("name", model.GetMetadata("general.name"));
            json.WriteString("description", model.Description);
            json.WriteNumber("parameters", model.ParameterCount);
            json.WriteNumber("tensorBytes", model.SizeInBytes);
            json.WriteString("fileType", model.FileType.ToString());
            json.WriteNumber("trainContextSize", model.TrainContextSize);
            json.WriteNumber("layers", model.LayerCount);
            json.WriteNumber("embedding", model.EmbeddingSize);
            json.WriteNumber("vocabularySize", model.Vocabulary.Count);
            json.WriteString("vocabularyType", model.Vocabulary.Type.ToString());
            json.WriteString("chatTemplate", model.ChatTemplate);
            json.WriteBoolean("vocabOnly", model.VocabOnly);
            json.WriteEndObject();
        }

        stdout.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        stdout.Flush();
    }
}
