using DocRag.Server;

var app = DocRagWebApplication.Create(args);
return await DocRagWebApplication.RunAsync(app, Console.Error).ConfigureAwait(false);

/// <summary>Entry point; public so WebApplicationFactory can find it.</summary>
public partial class Program;
