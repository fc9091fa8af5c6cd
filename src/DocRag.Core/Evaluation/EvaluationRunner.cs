using System.Diagnostics;
using DocRag.Core.Ingestion.Chunking;
using DocRag.Core.Retrieval;
using DocRag.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DocRag.Core.Evaluation;

/// <summary>
/// Runs evaluations through the product's own code: a corpus set (BEIR, SQuAD) is written into a scratch index (a
/// temporary data folder with a real SQLite file) by <see cref="CorpusWriter"/>, a QA file reads the configured index;
/// queries go through <see cref="SearchService"/> and, when asked, <see cref="Answering.AnswerService"/>. Each side of
/// a comparison gets its own services with its settings; sides whose chunking and embedding settings agree share one
/// scratch index.
/// </summary>
public sealed partial class EvaluationRunner(IConfiguration configuration, ILoggerFactory? loggerFactory = null)
{
    /// <summary>Hits asked per query: BEIR needs 100 documents for Recall@100; SQuAD and QA metrics stop at 10.</summary>
    private static int TopK(EvaluationKind kind) => kind == EvaluationKind.Beir ? 100 : 10;

    private ILogger Logger => (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<EvaluationRunner>();

    /// <summary>Evaluates a BEIR or SQuAD set under each side's settings (one report per side, in order).</summary>
    /// <exception cref="InvalidOperationException">A side's mode needs an embedding model (or its answers a generator) and none loads.</exception>
    public async Task<IReadOnlyList<EvaluationReport>> EvaluateSetAsync(
        EvaluationKind kind, EvaluationSet set, IReadOnlyList<EvaluationSettings> sides, AskMode ask,
        IProgress<EvaluationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(sides);
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
                    var folder = Path.Combine(Path.GetTempPath(), $"docrag-eval-{Guid.NewGuid():N}");
                    host = EvaluationHost.Create(configuration, side, loggerFactory, folder, ownsFolder: true);
                    hosts.Add(host);
                    shared = (folder, await BuildIndexAsync(host, set, VectorMode(sides.Where(s => IndexingKey(s) == key)), progress, cancellationToken).ConfigureAwait(false));
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

    /// <summary>Writes the set into the host's scratch index, with vectors when <paramref name="vectorMode"/> calls for them.</summary>
    private async Task<ScratchIndex> BuildIndexAsync(
        EvaluationHost host, EvaluationSet set, SearchMode? vectorMode, IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var embedder = await host.EmbedderForAsync(vectorMode, cancellationToken).ConfigureAwait(false);
        var writer = new CorpusWriter(host.Store, host.Get<IChunker>(), host.Ingestion, embedder);
        var (ids, chunks) = await writer.WriteAsync(set.Documents, host.DataFolder, progress, cancellationToken).ConfigureAwait(false);
        var model = await host.Store.GetEmbeddingModelAsync(cancellationToken).ConfigureAwait(false);
        Log.EvaluationIndexed(Logger, set.Name, set.Documents.Count, chunks, clock.Elapsed.TotalSeconds);
        return new ScratchIndex(ids, chunks, model?.ModelId, clock.Elapsed);
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
