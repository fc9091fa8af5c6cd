using System.CommandLine;

namespace DocRag.Cli.Commands;

/// <summary>Options every command takes: where the index lives and where models are looked up.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Data { get; } = new("--data")
    {
        Description = "Data folder holding the index (default: $DOCRAG_DATA, else ./data)",
        Recursive = true,
    };

    public Option<string?> Models { get; } = new("--models")
    {
        Description = "Models folder (default: $DOCRAG_MODELS, else DATA/models)",
        Recursive = true,
    };
}
