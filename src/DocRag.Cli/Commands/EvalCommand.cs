using System.CommandLine;

namespace DocRag.Cli.Commands;

/// <summary><c>docrag eval beir|squad|qa</c>: retrieval and answer quality on a benchmark set or a team's own questions.</summary>
internal static class EvalCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("eval", "Measure search and answer quality on a benchmark set (BEIR, SQuAD) or your own questions");
        command.Subcommands.Add(EvalBeirCommand.Create(global));
        command.Subcommands.Add(EvalSquadCommand.Create(global));
        command.Subcommands.Add(EvalQaCommand.Create(global));
        return command;
    }
}
