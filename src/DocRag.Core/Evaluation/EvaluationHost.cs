using DocRag.Core.Answering;
using DocRag.Core.Embeddings;
using DocRag.Core.Generation;
using DocRag.Core.Hosting;
using DocRag.Core.Ingestion;
using DocRag.Core.Retrieval;
using DocRag.Core.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Evaluation;

/// <summary>
/// The services one side of an evaluation runs on: DocRag's own composition root (<see cref="DocRagServiceCollectionExtensions.AddDocRag"/>)
/// over the user's configuration with the side's settings on top; for a corpus set, over a temporary data folder whose
/// index is deleted with the host.
/// </summary>
internal sealed class EvaluationHost : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly IConfiguration _configuration;
    private readonly bool _ownsFolder;

    private EvaluationHost(ServiceProvider services, IConfiguration configuration, string dataFolder, bool ownsFolder)
    {
        _services = services;
        _configuration = configuration;
        DataFolder = dataFolder;
        _ownsFolder = ownsFolder;
    }

    /// <summary>The data folder the index lives in (a temporary one for corpus sets).</summary>
    public string DataFolder { get; }

    public IndexStore Store => _services.GetRequiredService<IndexStore>();

    public IngestionOptions Ingestion => _services.GetRequiredService<IOptions<IngestionOptions>>().Value;

    public AnswerService Answers => _services.GetRequiredService<AnswerService>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>
    /// Builds the host over <paramref name="dataFolder"/> (null: the configured data folder), deleting that folder on
    /// dispose when <paramref name="ownsFolder"/>. A setting that fails validation throws <see cref="OptionsValidationException"/> here.
    /// </summary>
    public static EvaluationHost Create(IConfiguration configuration, EvaluationSettings settings, ILoggerFactory? loggerFactory, string? dataFolder, bool ownsFolder)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(settings);
        var builder = new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(settings.Configuration);
        if (dataFolder is not null)
        {
            // The scratch index lives in its own folder; models are still found where the user keeps them.
            var user = new DocRagOptions { DataDirectory = configuration[DocRagEnvironment.DataKey] ?? "data", ModelsDirectory = configuration[DocRagEnvironment.ModelsKey] };
            builder.AddInMemoryCollection([new(DocRagEnvironment.DataKey, dataFolder), new(DocRagEnvironment.ModelsKey, user.ModelsPath)]);
        }

        var layered = builder.Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(layered);
        services.AddLogging();
        if (loggerFactory is not null)
        {
            services.AddSingleton(loggerFactory);
        }

        services.AddDocRag(layered);
        var provider = services.BuildServiceProvider();
        try
        {
            // No host starts here, so ValidateOnStart never runs: read the options now to fail before any work.
            _ = provider.GetRequiredService<IOptions<DocRagOptions>>().Value;
            _ = provider.GetRequiredService<IOptions<IngestionOptions>>().Value;
            _ = provider.GetRequiredService<IOptions<RetrievalOptions>>().Value;
            _ = provider.GetRequiredService<IOptions<AnsweringOptions>>().Value;
            _ = provider.GetRequiredService<IOptions<EmbeddingOptions>>().Value;
            return new EvaluationHost(provider, layered, provider.GetRequiredService<IOptions<DocRagOptions>>().Value.DataPath, ownsFolder);
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The embedder for <paramref name="mode"/>: none for keyword, the configured one if it loads for auto (null), and
    /// for vector or hybrid the configured one or an exception with one clear line.
    /// </summary>
    public async Task<IEmbeddingGenerator<string, Embedding<float>>?> EmbedderForAsync(SearchMode? mode, CancellationToken cancellationToken = default)
    {
        if (mode == SearchMode.Keyword)
        {
            return null;
        }

        var host = Get<EmbeddingModelHost>();
        var embedder = await host.GetAsync(cancellationToken).ConfigureAwait(false);
        return embedder is not null || mode is null
            ? embedder
            : throw new InvalidOperationException(
                $"mode {mode.Value.ToString().ToLowerInvariant()} needs an embedding model, but {host.Status.Reason ?? "none is loaded"}; put one in the models folder (--models) or set DocRag:Embedding:Model, or use mode keyword");
    }

    /// <summary>Throws with one clear line when generative answers were asked for and no generator loads.</summary>
    public async Task RequireGeneratorAsync(CancellationToken cancellationToken = default)
    {
        var host = Get<GenerationModelHost>();
        if (await host.GetAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            throw new InvalidOperationException(
                $"generative answers need a generator model, but {host.Status.Reason ?? "none is loaded"}; set DocRag:Generation:Model or use --ask extractive");
        }
    }

    /// <summary>
    /// A search with the side's settings that returns one hit per document, its best chunk: how chunk hits fold into
    /// the documents the judgements are about (the product's own search keeps up to MaxChunksPerDocument each).
    /// </summary>
    public SearchService DocumentSearch(IEmbeddingGenerator<string, Embedding<float>>? embedder)
    {
        var options = new RetrievalOptions();
        _configuration.GetSection(RetrievalOptions.SectionName).Bind(options);
        options.MaxChunksPerDocument = 1;
        return new SearchService(Store, Get<VectorIndex>(), embedder, options, Get<ILoggerFactory>().CreateLogger<SearchService>());
    }

    public void Dispose()
    {
        _services.Dispose();
        if (_ownsFolder)
        {
            try
            {
                Directory.Delete(DataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is not worth failing a finished evaluation over.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
