namespace DocRag.Core.Retrieval;

/// <summary>How search ranks and trims its hits (section <c>DocRag:Retrieval</c>). Checked at start by <see cref="RetrievalOptionsValidator"/>.</summary>
public sealed class RetrievalOptions
{
    public const string SectionName = "DocRag:Retrieval";

    /// <summary>
    /// How hybrid search combines its lists: <see cref="FusionMethod.Score"/> (min-max normalised scores, weighted sum)
    /// or <see cref="FusionMethod.Rrf"/> (ranks only). Chosen by 5-fold cross-validation on SciFact (docs/EVALUATION.md).
    /// </summary>
    public FusionMethod Fusion { get; set; } = FusionMethod.Score;

    /// <summary>
    /// Score fusion by document: a chunk counts its document's best keyword and best vector score, so a document whose
    /// title matches the words and whose body matches the meaning is not split between two half-scored chunks.
    /// </summary>
    public bool FuseDocuments { get; set; } = true;

    /// <summary>
    /// Leave the vector side out where the embedding model was not trained for the language (its <c>docrag-model.json</c>
    /// says which): for a query that reads as another language, and for passages in another language. An English-only
    /// model's cosine on Spanish text ranks worse than the keywords do.
    /// </summary>
    public bool MatchModelLanguages { get; set; } = true;

    /// <summary>Reciprocal Rank Fusion's k: a hit at rank r in a list adds weight / (k + r). Larger k flattens the ranks.</summary>
    public int RrfK { get; set; } = 60;

    /// <summary>
    /// Weight of the keyword list in hybrid fusion (the two weights are used as shares of their sum). 0.65 / 0.35: the
    /// stronger list alone gets the larger share; chosen on every fold of a 5-fold cross-validation on SciFact with
    /// all-MiniLM-L6-v2 over keyword shares 0.4, 0.5, 0.6, 0.65, 0.7 and 0.8 (docs/EVALUATION.md).
    /// </summary>
    public double KeywordWeight { get; set; } = 0.65;

    /// <summary>Weight of the vector list in hybrid fusion.</summary>
    public double VectorWeight { get; set; } = 0.35;

    /// <summary>bm25 weight of the document title column (a title term is worth this many text terms).</summary>
    public double TitleWeight { get; set; } = 2.0;

    /// <summary>bm25 weight of the heading path column.</summary>
    public double HeadingWeight { get; set; } = 1.5;

    /// <summary>bm25 weight of the chunk text column.</summary>
    public double TextWeight { get; set; } = 1.0;

    /// <summary>
    /// Rows a keyword query may score before it is narrowed to its rarest words: FTS5 scores every row containing any
    /// query word. Above the budget, rows are found through the rarest clauses that fit it and scored by the whole query;
    /// rows holding only the query's common words are left out. At 1,000 that cost SciFact 0.013 Recall@100 (rows with
    /// several common words rank in the top 100); at 5,000 it equals exact bm25 there (8.5k chunks) while bounding the
    /// work on large indexes. 0 scores every matching row (exact bm25, slow on large indexes).
    /// </summary>
    public int KeywordRowBudget { get; set; } = 5000;

    /// <summary>
    /// Word-pair proximity: a chunk's keyword score gains this share of the bm25 of the query's adjacent word pairs found
    /// as phrases in it ("p53 apoptosis" written together outranks the two words far apart). 0 turns it off.
    /// </summary>
    public double ProximityWeight { get; set; } = 0.15;

    /// <summary>
    /// Document length prior: a chunk's keyword score is divided by 1 + this × ln(chunks in its document), because a
    /// document with more chunks has more chances of a chance match. 0 turns it off.
    /// </summary>
    public double ChunkCountPenalty { get; set; } = 0.15;

    /// <summary>How many keyword hits are ranked before fusion and trimming (at least twice the requested top-k is used).</summary>
    public int KeywordCandidates { get; set; } = 100;

    /// <summary>How many vector hits are ranked before fusion and trimming (at least twice the requested top-k is used).</summary>
    public int VectorCandidates { get; set; } = 100;

    /// <summary>At most this many chunks of one document in a result list (crowding control); 0 for no limit.</summary>
    public int MaxChunksPerDocument { get; set; } = 3;

    /// <summary>
    /// A hit whose text overlaps a better hit's this much (Jaccard similarity of their word 3-grams, 0.5 to 1) is dropped
    /// as a near duplicate (the same passage in two files, overlapping chunks); 0 turns this off.
    /// </summary>
    public double NearDuplicateThreshold { get; set; } = 0.8;

    /// <summary>Threads scanning the vector index; 0 for one per processor.</summary>
    public int VectorSearchThreads { get; set; }
}
