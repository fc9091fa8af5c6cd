using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DocRag.Server.Tests.WebPage;

[Collection(BrowserTestGroup.Name)]
public sealed class DocumentsViewTests(BrowserFixture browser)
{
    [Fact]
    public async Task DropFiles_IndexesTheGoodOneAndSaysWhyTheBrokenOneFailed()
    {
        await using var session = await WebPageSession.StartAsync(browser);
        var page = session.Page;
        await session.OpenAsync("documents");
        await page.Locator("#upload-collection").FillAsync("notes");
        await session.RecordTextsAsync("#uploads .upload-status");

        await DropAsync(page, ("pump.md", "# Pump\n\nPrime the pump before first use.\n"u8.ToArray()), ("broken.pdf", "%PDF-1.7\nnot really a PDF\n"u8.ToArray()));

        var good = page.Locator("#documents-body tr[data-path='pump.md']");
        var broken = page.Locator("#documents-body tr[data-path='broken.pdf']");
        await Expect(good).ToHaveAttributeAsync("data-status", "indexed");
        await Expect(broken).ToHaveAttributeAsync("data-status", "failed");
        await Expect(broken.Locator(".badge.failed")).ToHaveTextAsync("Failed: damaged");
        await Expect(broken.Locator(".reason")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("#uploads li").First).ToContainTextAsync("broken.pdf: damaged");
        await Expect(page.Locator("#index-status")).ToContainTextAsync("2 documents · 1 indexed · 1 failed");
        // The upload went through its states: sending (with progress), waiting for the index, done.
        var states = await session.RecordedTextsAsync("#uploads .upload-status");
        Assert.StartsWith("Uploading", states[0], StringComparison.Ordinal);
        Assert.Contains("Uploaded; indexing 2 files…", states);
        Assert.StartsWith("broken.pdf: damaged", states[^1], StringComparison.Ordinal);
        session.AssertNoPageErrors();
    }

    [Fact]
    public async Task Upload_RefusedFile_ShowsTheProblemReadably()
    {
        await using var session = await WebPageSession.StartAsync(browser);
        var page = session.Page;
        await session.OpenAsync("documents");

        await page.Locator("#file-input").SetInputFilesAsync(new FilePayload
        {
            Name = "photo.txt",
            MimeType = "text/plain",
            Buffer = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13],
        });

        var problem = page.Locator("#uploads li .problem");
        await Expect(problem).ToContainTextAsync("photo.txt");
        await Expect(problem.Locator(".problem-ids")).ToContainTextAsync("unsupported-media-type · correlation id");
        await Expect(page.Locator("#documents-empty")).ToBeVisibleAsync();
        session.AssertNoPageErrors();
    }

    /// <summary>Drops files on the drop zone as a browser does for a drag from the desktop (a DataTransfer of Files).</summary>
    private static async Task DropAsync(IPage page, params (string Name, byte[] Bytes)[] files)
    {
        var transfer = await page.EvaluateHandleAsync(
            """
            files => {
              const transfer = new DataTransfer();
              for (const f of files) {
                const bytes = Uint8Array.from(atob(f.data), c => c.charCodeAt(0));
                transfer.items.add(new File([bytes], f.name));
              }
              return transfer;
            }
            """,
            files.Select(f => new { name = f.Name, data = Convert.ToBase64String(f.Bytes) }).ToArray());
        var zone = page.Locator("#dropzone");
        await zone.DispatchEventAsync("dragenter", new Dictionary<string, object> { ["dataTransfer"] = transfer });
        await zone.DispatchEventAsync("dragover", new Dictionary<string, object> { ["dataTransfer"] = transfer });
        await Expect(zone).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bover\b"));
        await zone.DispatchEventAsync("drop", new Dictionary<string, object> { ["dataTransfer"] = transfer });
    }
}
