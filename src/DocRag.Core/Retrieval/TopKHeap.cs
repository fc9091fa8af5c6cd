namespace DocRag.Core.Retrieval;

/// <summary>The k best (score, row) pairs seen so far: a min-heap whose root is the worst kept, so most rows cost one compare.</summary>
internal sealed class TopKHeap
{
    private readonly float[] _scores;
    private readonly int[] _rows;

    public TopKHeap(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _scores = new float[capacity];
        _rows = new int[capacity];
    }

    public int Count { get; private set; }

    /// <summary>The score a row must beat to enter once the heap is full.</summary>
    public float Threshold => Count < _scores.Length ? float.NegativeInfinity : _scores[0];

    public void Offer(float score, int row)
    {
        if (Count < _scores.Length)
        {
            var i = Count++;
            _scores[i] = score;
            _rows[i] = row;
            SiftUp(i);
        }
        else if (score > _scores[0])
        {
            _scores[0] = score;
            _rows[0] = row;
            SiftDown(0);
        }
    }

    public IEnumerable<(float Score, int Row)> Items()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return (_scores[i], _rows[i]);
        }
    }

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (_scores[parent] <= _scores[i])
            {
                return;
            }

            Swap(i, parent);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var left = (2 * i) + 1;
            if (left >= Count)
            {
                return;
            }

            var smallest = left + 1 < Count && _scores[left + 1] < _scores[left] ? left + 1 : left;
            if (_scores[i] <= _scores[smallest])
            {
                return;
            }

            Swap(i, smallest);
            i = smallest;
        }
    }

    private void Swap(int a, int b)
    {
        (_scores[a], _scores[b]) = (_scores[b], _scores[a]);
        (_rows[a], _rows[b]) = (_rows[b], _rows[a]);
    }
}
