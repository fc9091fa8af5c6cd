namespace DocRag.Core.Embeddings.Tokenization.Models;

/// <summary>
/// An immutable trie over UTF-16 keys in flat arrays (children sorted, found by binary search): walking it from a
/// position yields every key that is a prefix of the text there, with no allocation.
/// </summary>
internal sealed class CharTrie
{
    public const int Root = 0;

    private readonly int[] _firstEdge;
    private readonly char[] _labels;
    private readonly int[] _targets;
    private readonly int[] _values;

    /// <summary>Builds the trie of distinct <paramref name="keys"/>, each carrying the value at the same index.</summary>
    public CharTrie(IReadOnlyList<string> keys, IReadOnlyList<int> values)
    {
        var order = Enumerable.Range(0, keys.Count).ToArray();
        Array.Sort(order, (a, b) => string.CompareOrdinal(keys[a], keys[b]));

        List<int> firstEdge = [];
        List<char> labels = [];
        List<int> targets = [];
        List<int> nodeValues = [-1];
        var queue = new Queue<(int Node, int Lo, int Hi, int Depth)>();
        queue.Enqueue((Root, 0, order.Length, 0));

        // Breadth first: nodes are numbered in the order they are expanded, so each node's edges are contiguous.
        while (queue.Count > 0)
        {
            var (node, lo, hi, depth) = queue.Dequeue();
            firstEdge.Add(labels.Count);
            if (lo < hi && keys[order[lo]].Length == depth)
            {
                nodeValues[node] = values[order[lo]];
                lo++;
            }

            while (lo < hi)
            {
                var label = keys[order[lo]][depth];
                var end = lo + 1;
                while (end < hi && keys[order[end]][depth] == label)
                {
                    end++;
                }

                var child = nodeValues.Count;
                nodeValues.Add(-1);
                labels.Add(label);
                targets.Add(child);
                queue.Enqueue((child, lo, end, depth + 1));
                lo = end;
            }
        }

        firstEdge.Add(labels.Count);
        _firstEdge = [.. firstEdge];
        _labels = [.. labels];
        _targets = [.. targets];
        _values = [.. nodeValues];
    }

    /// <summary>The child of <paramref name="node"/> along <paramref name="label"/>, or -1.</summary>
    public int Child(int node, char label)
    {
        var lo = _firstEdge[node];
        var hi = _firstEdge[node + 1] - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var found = _labels[mid];
            if (found == label)
            {
                return _targets[mid];
            }

            if (found < label)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }

    /// <summary>The value of the key ending at <paramref name="node"/>, or -1 when no key ends there.</summary>
    public int Value(int node) => _values[node];
}
