using DocRag.Core.Hosting;
using DocRag.TestSupport;
using DocRag.TestSupport.Gguf;
using DocRag.TestSupport.Onnx;
using static Microsoft.Playwright.Assertions;

namespace DocRag.Server.Tests.WebPage;

[Collection(BrowserTestGroup.Name)]
public sealed class ModelsViewTests(BrowserFixture browser)
{
    [Fact]
    public async Task NoModels_SaysAnswersAreExtractiveAndSearchIsByKeyword()
    {
        await using var session = await WebPageSession.StartAsync(browser);
        var page = session.Page;
        await session.OpenAsync("models");

        await Expect(page.Locator("#models-notices")).ToContainTextAsync("Answers are extractive");
        await Expect(page.Locator("#models-notices")).ToContainTextAsync("Search is by keyword only");
        await Expect(page.Locator("#embedding-facts")).ToContainTextAsync("Keyword only");
        await Expect(page.Locator("#generator-facts")).ToContainTextAsync("Extractive (quoted passages)");
        await Expect(page.Locator("#generator-facts [data-state]")).ToHaveTextAsync("Turned off");
        var e5 = page.Locator("#catalog-body tr[data-name='multilingual-e5-small']");
        await Expect(e5).ToContainTextAsync("Not downloaded");
        await Expect(e5.Locator("code")).ToHaveTextAsync("docrag models pull multilingual-e5-small");
        await session.ScreenshotAsync("models");
        session.AssertNoPageErrors();
    }

    [Fact]
    public async Task LoadedModels_ShowDimensionDeviceAndSize()
    {
        using var models = new TempDirectory("docrag-web-models");
        var embedder = EmbeddingModelFolderWriter.Write(models.Combine("tiny-embedder"), new EmbeddingFolderSpec());
        var generator = TestLlamaModel.WriteTiny(models.Path);
        await using var session = await WebPageSession.StartAsync(browser, new Dictionary<string, string?>
        {
            [DocRagEnvironment.ModelsKey] = models.Path,
            ["DocRag:Embedding:Model"] = embedder,
            ["DocRag:Generation:Model"] = generator,
            ["DocRag:Generation:Threads"] = "1",
        });
        await session.WaitUntilReadyAsync();
        var page = session.Page;
        await session.OpenAsync("models");

        await Expect(page.Locator("#embedding-facts [data-state]")).ToHaveTextAsync("In use");
        await Expect(page.Locator("#embedding-facts")).ToContainTextAsync($"Dimension{BertModelOptions.Tiny.HiddenSize}");
        await Expect(page.Locator("#embedding-facts")).ToContainTextAsync("DeviceCPU");
        await Expect(page.Locator("#generator-facts [data-state]")).ToHaveTextAsync("In use");
        await Expect(page.Locator("#generator-facts")).ToContainTextAsync("Filetiny-llama.gguf");
        await Expect(page.Locator("#generator-facts")).ToContainTextAsync("DeviceCPU");
        await Expect(page.Locator("#generator-facts")).ToContainTextAsync("Size");
        await Expect(page.Locator("#models-notices")).ToBeEmptyAsync();
        await Expect(page.Locator("#local-list")).ToContainTextAsync("tiny-llama");
        await session.ScreenshotAsync("models-loaded");
        session.AssertNoPageErrors();
    }
}
