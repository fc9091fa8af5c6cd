using System.CommandLine;

namespace DocRag.Cli.Commands;

/// <summary><c>docrag docs list|show</c>: what is in the index and why a document failed.</summary>
internal static class DocsCommand
{
    public static Command Create(GlobalOptions global) =>
        new("docs", "List and inspect indexed documents") { DocsListCommand.Create(global), DocsShowCommand.Create(global) };
}
