using System.Globalization;

namespace DocRag.Core.Storage;

/// <summary>The index's id of a Document; stable while the DocumentId exists.</summary>
public readonly record struct DocumentId(long Value)
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DocumentId id)
    {
        var ok = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0;
        id = new DocumentId(ok ? value : 0);
        return ok;
    }
}
