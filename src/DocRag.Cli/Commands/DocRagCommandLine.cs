using System.CommandLine;

namespace DocRag.Cli.Commands;

/// <summary>The <c>docrag</c> command tree.</summary>
internal static class DocRagCommandLine
{
    public static RootCommand Create()
    {
        var global = new GlobalOptions();
        var root = new RootCommand("DocRag: a local, private knowledge base over your documents.");
        root.Options.Add(global.Data);
        root.Options.Add(global.Models);
        root.Subcommands.Add(ModelsCommand.Create(global));
        root.Subcommands.Add(ServeCommand.Create(global));
        root.Subcommands.Add(EmbedCommand.Create(global));
        root.Subcommands.Add(IndexCommand.Create(global));
        root.Subcommands.Add(DocsCommand.Create(global));
        root.Subcommands.Add(GenerateCommand.Create(global));
        root.Subcommands.Add(AskCommand.Create(global));
        root.Subcommands.Add(SearchCommand.Create(global));

        foreach (var option in root.Options)
        {
            if (option is VersionOption version)
            {
                version.Action = new VersionAction();
            }
        }

        return root;
    }
}
