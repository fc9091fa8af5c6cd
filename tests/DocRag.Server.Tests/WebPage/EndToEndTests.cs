using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DocRag.Server.Tests.WebPage;

/// <summary>The whole path a user takes, in a real browser against a real server: upload, index, ask, cite, delete.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class EndToEndTests(BrowserFixture browser)
{
    [Fact]
    public async Task UploadAskCiteDelete_PdfWithoutGenerator_ExtractiveAnswerCitesTheRightPage()
    {
        await using var session = await WebPageSession.StartAsync(browser);
        var page = session.Page;
        await session.OpenAsync("documents");

        // Upload the 5-page PDF with the file picker into a new collection, and watch it become indexed.
        await page.Locator("#upload-collection").FillAsync("guides");
        await page.Locator("#file-input").SetInputFilesAsync(TestPaths.SampleDoc("en", "quantization-guide.pdf"));
        var row = page.Locator("#documents-body tr[data-path='quantization-guide.pdf']");
        await Expect(row).ToHaveAttributeAsync("data-status", "indexed");
        await Expect(row.Locator("td[data-label='Pages']")).ToHaveTextAsync("5");
        await Expect(row.Locator("td[data-label='Collection']")).ToHaveTextAsync("guides");
        await Expect(page.Locator("#uploads li").First).ToContainTextAsync("Indexed: quantization-guide.pdf (5 pages");
        await Expect(page.Locator("#index-status")).ToContainTextAsync("1 document · 1 indexed");
        await session.ScreenshotAsync("documents");

        // Ask in the chat view; the answer streams in over SSE and, without a generator, is marked extractive.
        await page.Locator("#tab-chat").ClickAsync();
        await Expect(page.Locator("#chat-notice")).ToContainTextAsync("answers are extractive");
        await page.Locator("#question").FillAsync("How much KV cache memory does Llama 3.1 8B need per token?");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.Locator("#ask-button").ClickAsync(), r => r.Url.EndsWith("/v1/ask", StringComparison.Ordinal));
        Assert.StartsWith("text/event-stream", await response.HeaderValueAsync("content-type"), StringComparison.Ordinal);
        var turn = page.Locator(".turn").Last;
        await Expect(turn).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bcomplete\b"));
        await Expect(turn.Locator(".answer")).ToHaveAttributeAsync("data-mode", "extractive");
        await Expect(turn.Locator(".badge.extractive")).ToBeVisibleAsync();
        await Expect(turn.Locator(".answer-text blockquote").First).ToContainTextAsync("128 KiB per token");

        // The citation [n] opens the cited passage: the right document, page 3, its heading, the sentence marked.
        var cite = turn.Locator(".answer-text .cite").First;
        await cite.ClickAsync();
        var dialog = page.Locator("#passage-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.Locator("#passage-location .file")).ToHaveTextAsync("quantization-guide.pdf");
        await Expect(dialog.Locator("#passage-location .page")).ToHaveTextAsync("Page 3");
        await Expect(dialog.Locator("#passage-heading")).ToContainTextAsync("Estimating the memory a model needs");
        await Expect(dialog.Locator("#passage-text mark").Filter(new() { HasText = "128 KiB per token" })).ToHaveCountAsync(1);
        await session.ScreenshotAsync("chat-passage");
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(cite).ToBeFocusedAsync();

        // A second question stays below the first; one the documents cannot answer is shown as such.
        await page.Locator("#question").FillAsync("What is the capital of France?");
        await page.Locator("#ask-button").ClickAsync();
        await Expect(page.Locator(".turn.complete")).ToHaveCountAsync(2);
        var noAnswer = page.Locator(".turn").Last;
        await Expect(noAnswer.Locator(".answer")).ToHaveAttributeAsync("data-no-answer", "true");
        await Expect(noAnswer.Locator(".badge.no-answer")).ToBeVisibleAsync();
        await Expect(noAnswer.Locator(".answer-text")).ToBeEmptyAsync();

        // Passages match some words, but none names what the question is about: the reason names the signal that decided.
        await page.Locator("#question").FillAsync("How much KV cache memory does Mistral need per token?");
        await page.Locator("#ask-button").ClickAsync();
        await Expect(page.Locator(".turn.complete")).ToHaveCountAsync(3);
        var notRelevant = page.Locator(".turn").Last;
        await Expect(notRelevant.Locator(".answer")).ToHaveAttributeAsync("data-no-answer", "true");
        await Expect(notRelevant.Locator(".answer-notice .reason")).ToContainTextAsync(
            new System.Text.RegularExpressions.Regex("do not cover the question.*mistral", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        await Expect(page.Locator(".turn").First).ToContainTextAsync("How much KV cache memory");
        await session.ScreenshotAsync("chat");

        // Delete, with confirmation.
        await page.Locator("#tab-documents").ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Delete quantization-guide.pdf" }).ClickAsync();
        var confirm = page.Locator("#confirm-dialog");
        await Expect(confirm).ToContainTextAsync("quantization-guide.pdf");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        await Expect(page.Locator("#documents-empty")).ToBeVisibleAsync();
        session.AssertNoPageErrors();
    }
}
