using System.Text.Encodings.Web;
using System.Text.Json;

namespace DocRag.Cli.Commands;

/// <summary>JSON output options shared by the commands: camelCase, indented, non-ASCII kept readable.</summary>
internal static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
