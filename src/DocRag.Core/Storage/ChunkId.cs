using System.Globalization;

namespace DocRag.Core.Storage;

/// <summary>The index's id of a Chunk; stable while the ChunkId exists.</summary>
public readonly record struct ChunkId(long Value)
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out ChunkId id)
    {
        var ok = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0;
        id = new ChunkId(ok ? value : 0);
        return ok;
    }
}
