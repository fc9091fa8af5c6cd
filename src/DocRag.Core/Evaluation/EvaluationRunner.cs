using System.Diagnostics;
using DocRag.Core.Hosting;
using DocRag.Core.Ingestion;
using DocRag.Core.Ingestion.Chunking;
using DocRag.Core.Ingestion.Parsers;
using DocRag.Core.Ingestion.Sync;
using DocRag.Core.Retrieval;
using DocRag.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.AI;

namespace DocRag.Core.Evaluation;

/// <summary>
/// Runs evaluations through the product's own code: a corpus set (BEIR, SQuAD) is written as files into a scratch
/// folder and indexed by the same <see cref="FolderSync"/>, parsers and chunker a user's folder goes through (or, for
/// analysis, straight into the store by <see cref="CorpusWriter"/>); the scratch index is temporary or kept for later
/// runs (<see cref="ScratchIndexCache"/>). A QA file reads the configured index;
/// queries go through <see cref="SearchService"/> and, when asked, <see cref="Answering.AnswerService"/>. Each side of
/// a comparison gets its own services with its settings; sides whose chunking and embedding settings agree share one
/// scratch index.
/// </summary>
public sealed partial class EvaluationRunner(IConfiguration configuration, ILoggerFactory? loggerFactory = null)
{
    /// <summary>Hits asked per query: BEIR needs 100 documents for Recall@100; SQuAD and QA metrics stop at 10.</summary>
    private static int TopK(EvaluationKind kind) => kind == EvaluationKind.Beir ? 100 : 10;

    /// <summary>
    /// Where each asked question's outcome goes as one JSON line (id, answerable, no-answer and its reason, the relevance
    /// signals), for looking into a run or calibrating the relevance decision; null writes none.
    /// </summary>
    public TextWriter? QuestionLog { get; init; }

    /// <summary>The collection an evaluation corpus is synced into.</summary>
    private const string CorpusCollection = "evaluation";

    /// <summary>Where the CLI keeps scratch indexes between runs: <c>eval-cache</c> in the configured data folder.</summary>
    public string DefaultCacheFolder => Path.Combine(
        new DocRagOptions { DataDirectory = configuration[DocRagEnvironment.DataKey] ?? "data" }.DataPath, "eval-cache");

    private ILogger Logger => (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<EvaluationRunner>();

    /// <summary>Evaluates a BEIR or SQuAD set under each side's settings (one report per side, in order), its corpus written as files into a temporary index.</summary>
    /// <exception cref="InvalidOperationException">A side's mode needs an embedding model (or its answers a generator) and none loads.</exception>
    public Task<IReadOnlyList<EvaluationReport>> EvaluateSetAsync(
        EvaluationKind kind, EvaluationSet set, IReadOnlyList<EvaluationSettings> sides, AskMode ask,
        IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default) =>
        EvaluateSetAsync(kind, set, sides, ask, EvaluationIndexOptions.Default, progress, cancellationToken);

    /// <summary>
    /// Evaluates a BEIR or SQuAD set under each side's settings (one report per side, in order), its scratch index built
    /// (or reused from <see cref="EvaluationIndexOptions.CacheFolder"/>) as <paramref name="indexOptions"/> say.
    /// </summary>
    /// <exception cref="InvalidOperationException">A side's mode needs an embedding model (or its answers a generator) and none loads.</exception>
    public async Task<IReadOnlyList<EvaluationReport>> EvaluateSetAsync(
        EvaluationKind kind, EvaluationSet set, IReadOnlyList<EvaluationSettings> sides, AskMode ask, EvaluationIndexOptions indexOptions,
        IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(sides);
        ArgumentNullException.ThrowIfNull(indexOptions);
        if (kind == EvaluationKind.Qa || sides.Count == 0)
        {
            throw new ArgumentException("a corpus evaluation is beir or squad, with at least one side");
        }

        var hosts = new List<EvaluationHost>();
        var indexes = new Dictionary<string, (string Folder, ScratchIndex Index)>(StringComparer.Ordinal);
        try
        {
            var reports = new List<EvaluationReport>();
            foreach (var side in sides)
            {
                var key = IndexingKey(side);
                EvaluationHost host;
                if (indexes.TryGetValue(key, out var shared))
                {
                    host = EvaluationHost.Create(configuration, side, loggerFactory, shared.Folder, ownsFolder: false);
                    hosts.Add(host);
                }
                else
                {
                    var vectorMode = VectorMode(sides.Where(s => IndexingKey(s) == key));
                    (host, shared) = await OpenIndexAsync(set, side, key, vectorMode, indexOptions, progress, cancellationToken).ConfigureAwait(false);
                    hosts.Add(host);
                    indexes[key] = shared;
                }

                reports.Add(await RunSetAsync(kind, set, side, host, shared.Index, ask, progress, cancellationToken).ConfigureAwait(false));
            }

            return reports;
        }
        finally
        {
            // Sides that share a scratch index close before the side that owns (and deletes) it.
            for (var i = hosts.Count - 1; i >= 0; i--)
            {
                hosts[i].Dispose();
            }
        }
    }

    /// <summary>
    /// The host over a side's scratch index, built now or, when one is kept for the same corpus and settings, reused: a
    /// kept file corpus is synced again (nothing to do when nothing changed; vectors for a new model), a kept direct
    /// index is used as it is unless its vectors are another model's.
    /// </summary>
    private async Task<(EvaluationHost Host, (string Folder, ScratchIndex Index) Index)> OpenIndexAsync(
        EvaluationSet set, EvaluationSettings side, string key, SearchMode? vectorMode, EvaluationIndexOptions indexOptions,
        IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken)
    {
        if (indexOptions.CacheFolder is null)
        {
            var temporary = Path.Combine(Path.GetTempPath(), $"docrag-eval-{Guid.NewGuid():N}");
            var host = EvaluationHost.Create(configuration, side, loggerFactory, temporary, ownsFolder: true);
            try
            {
                var index = await BuildIndexAsync(host, set, vectorMode, indexOptions.Form, kept: null, progress, cancellationToken).ConfigureAwait(false);
                return (host, (temporary, index!)); // nothing kept: always built
            }
            catch
            {
                host.Dispose();
                throw;
            }
        }

        var folder = ScratchIndexCache.Folder(indexOptions.CacheFolder, set, indexOptions.Form, key);
        for (var attempt = 0; ; attempt++)
        {
            var marker = indexOptions.Rebuild && attempt == 0 ? null : ScratchIndexCache.Read(folder);
            if (marker is null)
            {
                ScratchIndexCache.Clear(folder); // no complete build here: start from an empty folder
            }

            var host = EvaluationHost.Create(configuration, side, loggerFactory, folder, ownsFolder: false);
            try
            {
                var index = await BuildIndexAsync(host, set, vectorMode, indexOptions.Form, marker, progress, cancellationToken).ConfigureAwait(false);
                if (index is not null)
                {
                    return (host, (folder, index));
                }
            }
            catch
            {
                host.Dispose();
                throw;
            }

            host.Dispose(); // a kept direct index with another model's vectors: build it again
            if (attempt > 0)
            {
                throw new InvalidOperationException($"the scratch index in {folder} could not be rebuilt");
            }

            indexOptions = indexOptions with { Rebuild = true };
        }
    }

    /// <summary>What decides how a side's index is built: its chunking and embedding settings.</summary>
    private static string IndexingKey(EvaluationSettings side) => string.Join('\n', side.Configuration
        .Where(c => c.Key.StartsWith(SettingKeys.IngestionPrefix, StringComparison.OrdinalIgnoreCase) || c.Key.StartsWith(SettingKeys.EmbeddingPrefix, StringComparison.OrdinalIgnoreCase))
        .Select(c => $"{c.Key.ToUpperInvariant()}={c.Value}")
        .Order(StringComparer.Ordinal));

    /// <summary>
    /// The mode that decides whether a shared index gets vectors: one a side needs them for (vector, hybrid), else auto
    /// (vectors when a model loads), else keyword (none).
    /// </summary>
    private static SearchMode? VectorMode(IEnumerable<EvaluationSettings> sides)
    {
        var modes = sides.Select(s => s.Mode).ToArray();
        return modes.FirstOrDefault(m => m is SearchMode.Vector or SearchMode.Hybrid)
            ?? (modes.Any(m => m is null) ? null : SearchMode.Keyword);
    }

    /// <summary>
    /// Writes the set into the host's scratch index, with vectors when <paramref name="vectorMode"/> calls for them.
    /// <paramref name="kept"/> is a complete earlier build in the same folder (null: none, or no cache); returns null when
    /// it is a direct index whose vectors are another model's, which must be built again in an empty folder.
    /// </summary>
    private async Task<ScratchIndex?> BuildIndexAsync(
        EvaluationHost host, EvaluationSet set, SearchMode? vectorMode, CorpusForm form, ScratchIndexMarker? kept,
        IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var embedder = await host.EmbedderForAsync(vectorMode, cancellationToken).ConfigureAwait(false);
        if (form == CorpusForm.Direct)
        {
            return await BuildDirectAsync(host, set, embedder, kept, clock, progress, cancellationToken).ConfigureAwait(false);
        }

        var corpus = Path.Combine(host.DataFolder, "corpus");
        var files = kept?.Files ?? CorpusFiles.Write(set.Documents, corpus, form, cancellationToken);
        using var sync = new FolderSync(
            host.Store, host.Get<DocumentReader>(), host.Get<IChunker>(), host.Get<IOptions<IngestionOptions>>(), host.Get<IndexingStatusTracker>(),
            host.Get<ILogger<FolderSync>>(), embedder);
        var report = await sync.SyncAsync(corpus, CorpusCollection, SyncProgress(progress), cancellationToken).ConfigureAwait(false);
        var documents = await host.Store.GetCollectionDocumentsAsync(CorpusCollection, cancellationToken).ConfigureAwait(false);
        var ids = new Dictionary<DocumentId, string>();
        foreach (var document in documents)
        {
            if (files.TryGetValue(document.Path, out var id))
            {
                ids[document.Id] = id;
            }
        }

        var chunks = (int)Math.Min(int.MaxValue, documents.Sum(d => (long)d.ChunkCount));
        var model = (await host.Store.GetEmbeddingModelAsync(cancellationToken).ConfigureAwait(false))?.ModelId;
        var reused = kept is not null && report.Added + report.Updated + report.Moved + report.Deleted == 0 && report.VectorsEmbedded == 0;
        if (report.Failed > 0)
        {
            Log.EvaluationDocumentsFailed(Logger, set.Name, report.Failed);
        }

        if (!reused)
        {
            ScratchIndexCache.Write(host.DataFolder, new ScratchIndexMarker(
                new Dictionary<string, string>(files, StringComparer.Ordinal), null, chunks, model, kept?.BuildSeconds ?? clock.Elapsed.TotalSeconds));
        }

        Log.EvaluationIndexed(Logger, set.Name, ids.Count, chunks, clock.Elapsed.TotalSeconds, reused);
        return new ScratchIndex(ids, chunks, model, reused ? TimeSpan.FromSeconds(kept!.BuildSeconds) : clock.Elapsed, reused);
    }

    /// <summary>The analysis path: documents written straight into the store (<see cref="CorpusWriter"/>), or a kept one reused.</summary>
    private async Task<ScratchIndex?> BuildDirectAsync(
        EvaluationHost host, EvaluationSet set, IEmbeddingGenerator<string, Embedding<float>>? embedder, ScratchIndexMarker? kept, Stopwatch clock,
        IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken)
    {
        if (kept?.Documents is { } stored)
        {
            if (embedder is not null && kept.EmbeddingModel != CorpusWriter.ModelId(embedder))
            {
                return null;
            }

            await host.Store.EnsureFullTextAnalyzerAsync(cancellationToken).ConfigureAwait(false);
            Log.EvaluationIndexed(Logger, set.Name, stored.Count, kept.Chunks, clock.Elapsed.TotalSeconds, true);
            return new ScratchIndex(stored.ToDictionary(p => new DocumentId(p.Key), p => p.Value), kept.Chunks, kept.EmbeddingModel, TimeSpan.FromSeconds(kept.BuildSeconds), Reused: true);
        }

        var writer = new CorpusWriter(host.Store, host.Get<IChunker>(), host.Ingestion, embedder);
        var (ids, chunks) = await writer.WriteAsync(set.Documents, host.DataFolder, progress, cancellationToken).ConfigureAwait(false);
        var model = (await host.Store.GetEmbeddingModelAsync(cancellationToken).ConfigureAwait(false))?.ModelId;
        ScratchIndexCache.Write(host.DataFolder, new ScratchIndexMarker(null, ids.ToDictionary(p => p.Key.Value, p => p.Value), chunks, model, clock.Elapsed.TotalSeconds));
        Log.EvaluationIndexed(Logger, set.Name, set.Documents.Count, chunks, clock.Elapsed.TotalSeconds, false);
        return new ScratchIndex(ids, chunks, model, clock.Elapsed, Reused: false);
    }

    private static Progress<IndexingProgress>? SyncProgress(IProgress<EvaluationProgress>? progress) =>
        progress is null ? null : new Progress<IndexingProgress>(p => progress.Report(new EvaluationProgress("indexing", p.FilesDone, p.FilesTotal)));

    /// <summary>Writes one asked question's outcome to <see cref="QuestionLog"/>.</summary>
    private void LogQuestion(string set, EvaluationSettings side, string id, string question, bool answerable, bool? cites, Answering.Answer answer)
    {
        if (QuestionLog is null)
        {
            return;
        }

        var line = System.Text.Json.JsonSerializer.Serialize(new QuestionOutcome(
            set, side.Label, id, question, answerable, cites, answer.NoAnswer, answer.NoAnswerReason?.ToString(), answer.NoAnswerDetail, answer.SearchMode,
            answer.Language, answer.Relevance?.Coverage, answer.Relevance?.Similarity, answer.Relevance?.Missing, answer.Relevance?.Unknown,
            answer.Relevance?.IndexChunks,
            answer.Relevance?.Words.Select(w => new QuestionWord(w.Word, w.Chunks, w.Held, w.Neutral)).ToArray(),
            answer.Relevance?.Passages.Select(p => new QuestionPassage(p.Similarity, p.CrossLanguage)).ToArray()), QuestionOutcome.JsonOptions);
        lock (QuestionLog)
        {
            QuestionLog.WriteLine(line);
        }
    }

    /// <summary>The mode the searches ran in (several joined by '+' when auto fell back for some), else the one asked for.</summary>
    private static string ModeName(SortedSet<SearchMode> used, SearchMode? requested) => used.Count > 0
        ? string.Join('+', used.Select(m => m.ToString().ToLowerInvariant()))
        : requested?.ToString().ToLowerInvariant() ?? "auto";

    /// <summary>One untimed search (and answer) first, so the latency figures leave out loading and JIT compilation.</summary>
    private static async Task WarmUpAsync(SearchService search, EvaluationHost host, EvaluationSettings side, AskMode ask, string? query, CancellationToken cancellationToken)
    {
        if (query is null)
        {
            return;
        }

        try
        {
            await SearchAsync(search, query, 10, side.Mode, cancellationToken).ConfigureAwait(false);
            if (ask != AskMode.Off)
            {
                await AskAsync(host, side, ask, query, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (ArgumentException)
        {
            // An over-long first query is counted as failed in the run itself.
        }
    }
}
