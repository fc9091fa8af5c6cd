using System.Buffers;
using System.Globalization;
using System.Text;

namespace DocRag.Core.Embeddings.Tokenization.Models;

/// <summary>
/// SentencePiece's Unigram model as Hugging Face tokenizers runs it: the Viterbi path of highest total log-probability
/// over the vocabulary's pieces; a character no piece covers is unknown (scored <c>min_score - 10</c>), runs of unknowns
/// are fused into one, and with <c>byte_fallback</c> an unknown becomes its UTF-8 bytes (<c>&lt;0xNN&gt;</c> pieces).
/// </summary>
internal sealed class UnigramModel : ITokenModel
{
    private const double UnknownPenalty = 10.0;

    private readonly double[] _scores;
    private readonly Dictionary<string, int> _ids;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly CharTrie _trie;
    private readonly int? _unknownId;
    private readonly int[]? _byteIds;
    private readonly double _unknownScore;

    public UnigramModel(IReadOnlyList<(string Piece, double Score)> vocabulary, int? unknownId, bool byteFallback)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        if (vocabulary.Count == 0)
        {
            throw new ArgumentException("The vocabulary is empty.", nameof(vocabulary));
        }

        if (unknownId is { } unk && (unk < 0 || unk >= vocabulary.Count))
        {
            throw new ArgumentOutOfRangeException(nameof(unknownId), unknownId, $"unk_id must be an index into the {vocabulary.Count}-piece vocabulary.");
        }

        _scores = new double[vocabulary.Count];
        _ids = new Dictionary<string, int>(vocabulary.Count, StringComparer.Ordinal);
        var minScore = double.PositiveInfinity;
        for (var i = 0; i < vocabulary.Count; i++)
        {
            var (piece, score) = vocabulary[i];
            _scores[i] = score;
            _ids[piece] = i; // a repeated piece keeps its last id, as in the reference
            minScore = Math.Min(minScore, score);
        }

        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        _trie = new CharTrie([.. _ids.Keys], [.. _ids.Values]);
        _unknownId = unknownId;
        _unknownScore = minScore - UnknownPenalty;
        if (byteFallback)
        {
            _byteIds = new int[256];
            for (var b = 0; b < 256; b++)
            {
                _byteIds[b] = _ids.TryGetValue(string.Create(CultureInfo.InvariantCulture, $"<0x{b:X2}>"), out var id) ? id : -1;
            }
        }
    }

    public int VocabularySize => _scores.Length;

    public int? TokenToId(string token) => _ids.TryGetValue(token, out var id) ? id : null;

    public void Tokenize(ReadOnlySpan<char> word, List<int> ids)
    {
        var n = word.Length;
        var best = ArrayPool<double>.Shared.Rent(n + 1);
        var starts = ArrayPool<int>.Shared.Rent(n + 1);
        var pieces = ArrayPool<int>.Shared.Rent(n + 1);
        try
        {
            Array.Fill(starts, -1, 0, n + 1);
            best[0] = 0;
            Forward(word, best, starts, pieces);
            Backward(word, starts, pieces, ids);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(best);
            ArrayPool<int>.Shared.Return(starts);
            ArrayPool<int>.Shared.Return(pieces);
        }
    }

    private void Forward(ReadOnlySpan<char> word, double[] best, int[] starts, int[] pieces)
    {
        for (var position = 0; position < word.Length;)
        {
            var charLength = char.IsHighSurrogate(word[position]) && position + 1 < word.Length && char.IsLowSurrogate(word[position + 1]) ? 2 : 1;
            var scoreHere = best[position];
            var hasSingleChar = false;
            var node = CharTrie.Root;

            // Every piece that starts here, shortest first: a later candidate must be strictly better to win a tie.
            for (var k = position; k < word.Length; k++)
            {
                node = _trie.Child(node, word[k]);
                if (node < 0)
                {
                    break;
                }

                var id = _trie.Value(node);
                if (id < 0)
                {
                    continue;
                }

                var end = k + 1;
                Relax(best, starts, pieces, position, end, id, scoreHere + _scores[id]);
                hasSingleChar |= end - position == charLength;
            }

            if (!hasSingleChar)
            {
                var unknown = _unknownId ?? throw new InvalidOperationException(
                    "The Unigram vocabulary has no unk_id and the text has a character none of its pieces covers.");
                Relax(best, starts, pieces, position, position + charLength, unknown, scoreHere + _unknownScore);
            }

            position += charLength;
        }
    }

    private static void Relax(double[] best, int[] starts, int[] pieces, int start, int end, int id, double score)
    {
        if (starts[end] < 0 || score > best[end])
        {
            best[end] = score;
            starts[end] = start;
            pieces[end] = id;
        }
    }

    private void Backward(ReadOnlySpan<char> word, int[] starts, int[] pieces, List<int> ids)
    {
        var first = ids.Count;
        var end = word.Length;
        var unknownEnd = -1;
        while (end > 0)
        {
            var start = starts[end];
            var id = pieces[end];
            if (id == _unknownId)
            {
                // Fuse a run of unknown pieces: remember where it ends, emit it when it starts.
                if (unknownEnd < 0)
                {
                    unknownEnd = end;
                }
            }
            else
            {
                FlushUnknown(word, end, ref unknownEnd, ids);
                ids.Add(id);
            }

            end = start;
        }

        FlushUnknown(word, 0, ref unknownEnd, ids);
        ids.Reverse(first, ids.Count - first);
    }

    // Ids are collected back to front, so byte-fallback ids are added in reverse too.
    private void FlushUnknown(ReadOnlySpan<char> word, int start, ref int unknownEnd, List<int> ids)
    {
        if (unknownEnd < 0)
        {
            return;
        }

        var text = word[start..unknownEnd];
        unknownEnd = -1;
        if (_lookup.TryGetValue(text, out var known))
        {
            ids.Add(known);
            return;
        }

        if (_byteIds is not null)
        {
            var bytes = new byte[Encoding.UTF8.GetByteCount(text)];
            var count = Encoding.UTF8.GetBytes(text, bytes);
            var all = true;
            for (var i = 0; i < count && all; i++)
            {
                all = _byteIds[bytes[i]] >= 0;
            }

            if (all)
            {
                for (var i = count - 1; i >= 0; i--)
                {
                    ids.Add(_byteIds[bytes[i]]);
                }

                return;
            }
        }

        ids.Add(_unknownId!.Value);
    }
}
