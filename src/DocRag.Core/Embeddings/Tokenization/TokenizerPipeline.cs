using DocRag.Core.Embeddings.Tokenization.Models;
using DocRag.Core.Embeddings.Tokenization.Normalization;
using DocRag.Core.Embeddings.Tokenization.PreTokenization;

namespace DocRag.Core.Embeddings.Tokenization;

/// <summary>
/// The Hugging Face tokenizer pipeline for one sequence: added tokens are matched first (on the raw text, then on the
/// normalized text for <c>normalized</c> ones), the rest is normalized, pre-tokenized and run through the model;
/// truncation keeps room for the post-processor's special tokens, which come last.
/// </summary>
internal sealed class TokenizerPipeline
{
    [ThreadStatic]
    private static Buffers? t_buffers;

    private readonly Dictionary<string, int> _addedIds;
    private readonly AddedTokenMatcher _rawTokens;
    private readonly AddedTokenMatcher _normalizedTokens;
    private readonly ITextNormalizer? _normalizer;
    private readonly IPreTokenizer? _preTokenizer;
    private readonly PostProcessor _postProcessor;

    public TokenizerPipeline(
        ITokenModel model,
        IReadOnlyList<AddedToken> addedTokens,
        ITextNormalizer? normalizer,
        IPreTokenizer? preTokenizer,
        PostProcessor postProcessor)
    {
        Model = model;
        _addedIds = addedTokens.GroupBy(t => t.Content, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Id, StringComparer.Ordinal);
        _rawTokens = new AddedTokenMatcher(addedTokens.Where(t => !t.Normalized));
        _normalizedTokens = new AddedTokenMatcher(addedTokens.Where(t => t.Normalized));
        _normalizer = normalizer;
        _preTokenizer = preTokenizer;
        _postProcessor = postProcessor;
    }

    public ITokenModel Model { get; }

    /// <summary>The id of an added token or vocabulary entry, or null.</summary>
    public int? TokenToId(string token) =>
        _addedIds.TryGetValue(token, out var id) ? id : Model.TokenToId(token);

    /// <summary>The number of special tokens the post-processor adds to one sequence.</summary>
    public int AddedTokenCount => _postProcessor.AddedCount;

    public EncodedText Encode(string text, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (maxTokens < _postProcessor.AddedCount)
        {
            throw new ArgumentOutOfRangeException(nameof(maxTokens), maxTokens,
                $"The limit must leave room for the {_postProcessor.AddedCount} special tokens this tokenizer adds.");
        }

        var buffers = t_buffers ??= new Buffers();
        var ids = buffers.Ids;
        ids.Clear();
        Tokenize(text, ids, buffers);
        var count = Math.Min(ids.Count, maxTokens - _postProcessor.AddedCount);
        return _postProcessor.Apply(ids, count);
    }

    public int CountTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffers = t_buffers ??= new Buffers();
        buffers.Ids.Clear();
        Tokenize(text, buffers.Ids, buffers);
        return buffers.Ids.Count;
    }

    private void Tokenize(string text, List<int> ids, Buffers buffers)
    {
        text = UnicodeText.ReplaceLoneSurrogates(text);
        var segments = buffers.Segments;
        segments.Clear();
        _rawTokens.Split(text, segments);
        foreach (var segment in segments)
        {
            if (segment.Token is not null)
            {
                ids.Add(segment.Token.Id);
                continue;
            }

            var piece = text.Substring(segment.Start, segment.Length);
            var leadingAligned = true;
            var normalized = _normalizer?.Normalize(piece, ref leadingAligned) ?? piece;
            if (_normalizedTokens.IsEmpty)
            {
                TokenizeNormalized(new TextSplit(normalized, 0, normalized.Length, segment.Start == 0, leadingAligned), ids, buffers);
                continue;
            }

            var inner = new List<TextSegment>();
            _normalizedTokens.Split(normalized, inner);
            foreach (var part in inner)
            {
                if (part.Token is not null)
                {
                    ids.Add(part.Token.Id);
                }
                else
                {
                    TokenizeNormalized(new TextSplit(normalized, part.Start, part.Length, segment.Start == 0 && part.Start == 0 && leadingAligned), ids, buffers);
                }
            }
        }
    }

    private void TokenizeNormalized(TextSplit split, List<int> ids, Buffers buffers)
    {
        if (split.Length == 0)
        {
            return;
        }

        if (_preTokenizer is null)
        {
            Model.Tokenize(split.Span, ids);
            return;
        }

        var words = buffers.Words;
        words.Clear();
        _preTokenizer.Split(split, words);
        foreach (var word in words)
        {
            if (word.Length > 0)
            {
                Model.Tokenize(word.Span, ids);
            }
        }
    }

    /// <summary>Per-thread scratch lists, so encoding a text allocates little beyond its result.</summary>
    private sealed class Buffers
    {
        public List<int> Ids { get; } = new(256);

        public List<TextSegment> Segments { get; } = new(4);

        public List<TextSplit> Words { get; } = new(64);
    }
}
