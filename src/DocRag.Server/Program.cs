using DocRag.Server;

var app = DocRagWebApplication.Create(args);
await app.RunAsync().ConfigureAwait(false);

/// <summary>Entry point; public so WebApplicationFactory can find it.</summary>
public partial class Program;
