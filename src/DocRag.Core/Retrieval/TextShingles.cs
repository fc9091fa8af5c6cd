using DocRag.Core.Text;

namespace DocRag.Core.Retrieval;

/// <summary>
/// The set of word 3-grams of a text (folded words, hashed), to spot near-duplicate passages by Jaccard similarity.
/// A text of fewer than three words is one shingle of all its words.
/// </summary>
internal sealed class TextShingles
{
    private const int Width = 3;
    private readonly HashSet<int> _shingles;

    public TextShingles(string text)
    {
        var words = SearchText.Words(text).Select(w => StringComparer.Ordinal.GetHashCode(w)).ToArray();
        _shingles = [];
        if (words.Length < Width)
        {
            _shingles.Add(Combine(words, 0, words.Length));
            return;
        }

        for (var i = 0; i + Width <= words.Length; i++)
        {
            _shingles.Add(Combine(words, i, Width));
        }
    }

    public int Count => _shingles.Count;

    /// <summary>|A ∩ B| / |A ∪ B|, from 0 (nothing shared) to 1 (the same shingles).</summary>
    public double Jaccard(TextShingles other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var (small, large) = _shingles.Count <= other._shingles.Count ? (_shingles, other._shingles) : (other._shingles, _shingles);
        var shared = 0;
        foreach (var shingle in small)
        {
            if (large.Contains(shingle))
            {
                shared++;
            }
        }

        var union = small.Count + large.Count - shared;
        return union == 0 ? 1 : (double)shared / union;
    }

    private static int Combine(int[] words, int start, int count)
    {
        var hash = new HashCode();
        for (var i = start; i < start + count; i++)
        {
            hash.Add(words[i]);
        }

        return hash.ToHashCode();
    }
}
