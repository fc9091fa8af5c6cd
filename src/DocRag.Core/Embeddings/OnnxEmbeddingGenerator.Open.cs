using DocRag.Core.Embeddings.Tokenization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.Extensions.Logging;

namespace DocRag.Core.Embeddings;

/// <summary>Opening a model folder: files, tokenizer, ONNX session, checks; every failure is one clear exception.</summary>
public sealed partial class OnnxEmbeddingGenerator
{
    /// <summary>
    /// Loads the model folder at <paramref name="directory"/> with its own tokenizer (tokenizer.json or vocab.txt),
    /// creates the ONNX session and checks it with one real run.
    /// </summary>
    /// <exception cref="EmbeddingModelException">The folder, a file in it, or the model cannot be used; the message says which and why.</exception>
    public static OnnxEmbeddingGenerator Load(string directory, EmbeddingOptions? options = null, ILogger? logger = null) =>
        Load(directory, options, TokenizerLoader.Load, logger);

    internal static OnnxEmbeddingGenerator Load(string directory, EmbeddingOptions? options, Func<string, ITextTokenizer> loadTokenizer, ILogger? logger)
    {
        options ??= new EmbeddingOptions();
        var folder = EmbeddingModelFolder.Open(directory);
        if (!EmbeddingOptionsValidator.TryParseProvider(options.ExecutionProvider, out var provider))
        {
            throw new EmbeddingModelException($"{EmbeddingOptions.SectionName}:ExecutionProvider must be cpu, cuda or auto (it is '{options.ExecutionProvider}').");
        }

        ITextTokenizer tokenizer;
        try
        {
            tokenizer = loadTokenizer(folder.Directory);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or NotSupportedException or UnauthorizedAccessException)
        {
            throw new EmbeddingModelException($"The tokenizer in '{folder.Directory}' cannot be used: {ex.Message}", ex);
        }

        var modelId = ComputeModelId(folder);
        var session = OpenSession(folder, provider, options.IntraOpThreads);
        try
        {
            var generator = new OnnxEmbeddingGenerator(session, tokenizer, folder, options, modelId);
            if (logger is not null)
            {
                if (generator.CudaFallbackReason is { } reason)
                {
                    Log.EmbeddingCudaFallback(logger, reason);
                }

                Log.EmbeddingModelLoaded(logger, modelId, folder.Directory, generator.Dimensions, generator.MaxSequenceLength, generator.Device, generator.IntraOpThreads);
            }

            return generator;
        }
        catch (OnnxRuntimeException ex)
        {
            session.Dispose();
            throw new EmbeddingModelException($"The model '{folder.ModelPath}' failed its first run: {ex.Message}", ex);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private static OnnxModelSession OpenSession(EmbeddingModelFolder folder, OnnxExecutionProvider provider, int? threads)
    {
        try
        {
            return OnnxModelSession.Create(folder.ModelPath, provider, threads);
        }
        catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException)
        {
            throw new EmbeddingModelException($"ONNX Runtime could not be loaded: {ex.Message}", ex);
        }
    }
}
