using static Microsoft.Playwright.Assertions;

namespace DocRag.Server.Tests.WebPage;

[Collection(BrowserTestGroup.Name)]
public sealed class LayoutTests(BrowserFixture browser)
{
    private const string Overflow =
        "() => Math.max(document.documentElement.scrollWidth, document.querySelector('main').scrollWidth) - window.innerWidth";

    [Fact]
    public async Task NarrowScreen360_EveryViewFitsWithoutSideScrolling()
    {
        // A phone with the dark theme: the screenshots show that one too.
        await using var session = await WebPageSession.StartAsync(browser, width: 360, height: 780, dark: true);
        await session.IndexAsync(TestPaths.SampleDoc("es"), "es");
        var page = session.Page;
        await session.OpenAsync("chat");

        // A question in Spanish, answered from the Spanish documents.
        await page.Locator("#question").FillAsync("¿Cuánto ocupa Llama 3.1 70B en Q4_K_M?");
        await page.Locator("#ask-button").ClickAsync();
        var turn = page.Locator(".turn").Last;
        await Expect(turn).ToHaveClassAsync(ChatViewTests.CompleteClass());
        await Expect(turn.Locator(".answer")).ToHaveAttributeAsync("lang", "es");
        await Expect(turn.Locator(".answer-text")).ToContainTextAsync("42,5 GB");
        Assert.True(await page.EvaluateAsync<int>(Overflow) <= 0, "The chat view scrolls sideways at 360 px.");
        await session.ScreenshotAsync("chat-360");

        await page.Locator("#tab-documents").ClickAsync();
        await Expect(page.Locator("#documents-body tr")).ToHaveCountAsync(5);
        Assert.True(await page.EvaluateAsync<int>(Overflow) <= 0, "The documents view scrolls sideways at 360 px.");
        await session.ScreenshotAsync("documents-360");

        await page.Locator("#tab-models").ClickAsync();
        await Expect(page.Locator("#catalog-body tr").First).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<int>(Overflow) <= 0, "The models view scrolls sideways at 360 px.");
        await session.ScreenshotAsync("models-360");
        session.AssertNoPageErrors();
    }
}
