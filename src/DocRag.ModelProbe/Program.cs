using DocRag.ModelProbe;

return ProbeCommand.Run(args, Console.Out, Console.Error);
