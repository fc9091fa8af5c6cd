using System.Globalization;

namespace DocRag.Cli.Commands;

/// <summary>Human-readable sizes and rates (decimal units, as download sites show them).</summary>
internal static class ByteSize
{
    private static readonly string[] Units = ["B", "kB", "MB", "GB", "TB"];

    public static string Format(long bytes)
    {
        double value = bytes;
        var unit = 0;
        while (value >= 1000 && unit < Units.Length - 1)
        {
            value /= 1000;
            unit++;
        }

        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes} B")
            : string.Create(CultureInfo.InvariantCulture, $"{value:0.0} {Units[unit]}");
    }

    public static string FormatRate(double bytesPerSecond) => Format((long)bytesPerSecond) + "/s";
}
