using static Microsoft.Playwright.Assertions;

namespace DocRag.Server.Tests.WebPage;

[Collection(BrowserTestGroup.Name)]
public sealed class ApiKeyPromptTests(BrowserFixture browser)
{
    [Fact]
    public async Task KeysConfigured_PromptsRefusesAWrongKeyAndKeepsTheRightOneForTheTab()
    {
        await using var session = await WebPageSession.StartAsync(browser, ServerHost.WithKeys());
        var page = session.Page;
        await session.OpenAsync("documents");

        var dialog = page.Locator("#key-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(page.Locator("#key-input")).ToBeFocusedAsync();
        await page.Locator("#key-input").FillAsync("not-the-key-0123456789");
        await page.Locator("#key-input").PressAsync("Enter");
        await Expect(page.Locator("#key-error")).ToContainTextAsync("refused that key");
        await Expect(dialog).ToBeVisibleAsync();

        await page.Locator("#key-input").FillAsync(ServerHost.AliceKey);
        await page.Locator("#key-input").PressAsync("Enter");
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(page.Locator("#index-status")).ToContainTextAsync("0 documents");
        await Expect(page.Locator("#key-button")).ToBeVisibleAsync();
        Assert.Equal(ServerHost.AliceKey, await page.EvaluateAsync<string>("() => sessionStorage.getItem('docrag.apiKey')"));

        // The key is kept for the tab: a reload asks no more.
        await page.ReloadAsync();
        await session.OpenAsync("models");
        await Expect(page.Locator("#catalog-body tr").First).ToBeVisibleAsync();
        await Expect(dialog).ToBeHiddenAsync();
        session.AssertNoPageErrors();
    }

    [Fact]
    public async Task KeysConfigured_PromptCancelled_ShowsTheProblemAndAsksAgainOnlyWhenTold()
    {
        await using var session = await WebPageSession.StartAsync(browser, ServerHost.WithKeys());
        var page = session.Page;
        await session.OpenAsync("documents");
        var dialog = page.Locator("#key-dialog");

        await Expect(dialog).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");

        await Expect(dialog).ToBeHiddenAsync();
        await Expect(page.Locator("#documents-error")).ToContainTextAsync("api-key-missing");
        // Further requests fail quietly instead of reopening the prompt...
        await page.Locator("#documents-refresh").ClickAsync();
        await Expect(page.Locator("#documents-error")).ToContainTextAsync("api-key-missing");
        await Expect(dialog).ToBeHiddenAsync();
        // ...until the user asks for it with the header's key button.
        await page.Locator("#key-button").ClickAsync();
        await Expect(dialog).ToBeVisibleAsync();
        await page.Locator("#key-input").FillAsync(ServerHost.AliceKey);
        await page.Locator("#key-input").PressAsync("Enter");
        await Expect(page.Locator("#index-status")).ToContainTextAsync("0 documents");
        await Expect(page.Locator("#documents-error")).ToBeHiddenAsync();
        session.AssertNoPageErrors();
    }
}
