using DocRag.Cli.Commands;

return await DocRagCommandLine.Create().Parse(args).InvokeAsync().ConfigureAwait(false);
