namespace DocRag.Server.Tests.WebPage;

/// <summary>The web page tests share one browser and run one at a time (each starts its own server).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
