using static Microsoft.Playwright.Assertions;

namespace DocRag.Server.Tests.WebPage;

[Collection(BrowserTestGroup.Name)]
public sealed class KeyboardTests(BrowserFixture browser)
{
    private const string FocusedId = "() => document.activeElement?.id || document.activeElement?.className || document.activeElement?.tagName";

    [Fact]
    public async Task KeyboardOnly_AskOpenTheCitationAndComeBack()
    {
        await using var session = await WebPageSession.StartAsync(browser);
        await session.IndexAsync(TestPaths.SampleDoc("en"), "en");
        var page = session.Page;
        await session.OpenAsync("chat");
        await Expect(page.Locator("#chat-notice")).ToBeVisibleAsync();

        // Tab order: skip link, the three views, then (past the notice's link) the question box.
        var order = new List<string>();
        for (var i = 0; i < 8 && (order.Count == 0 || order[^1] != "question"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
            order.Add(await page.EvaluateAsync<string>(FocusedId));
            if (order[^1] == "tab-documents")
            {
                Assert.Equal("solid", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
            }
        }

        Assert.Equal(["skip-link", "tab-chat", "tab-documents", "tab-models"], order.Take(4));
        Assert.Equal("question", order[^1]);

        await page.Keyboard.TypeAsync("Which script converts a Hugging Face model into a GGUF file?");
        await page.Keyboard.PressAsync("Enter");
        var turn = page.Locator(".turn").Last;
        await Expect(turn).ToHaveClassAsync(ChatViewTests.CompleteClass());
        await Expect(turn.Locator(".answer-text")).ToContainTextAsync("convert_hf_to_gguf.py");
        await Expect(page.Locator("#question")).ToBeFocusedAsync();

        // Back up from the question box to the answer's last source, open it with Enter, close it with Escape.
        await page.Keyboard.PressAsync("Shift+Tab");
        Assert.Equal("source", await page.EvaluateAsync<string>(FocusedId));
        var focusedSource = page.Locator(".source:focus");
        var number = await focusedSource.GetAttributeAsync("data-n");
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.Locator("#passage-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.Locator("#passage-title")).ToContainTextAsync($"[{number}]");
        await Expect(page.Locator("#passage-text")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(page.Locator($".turn:last-child .source[data-n='{number}']")).ToBeFocusedAsync();
        session.AssertNoPageErrors();
    }
}
