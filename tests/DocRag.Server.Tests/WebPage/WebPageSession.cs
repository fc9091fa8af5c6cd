using DocRag.Core.Ingestion.Sync;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DocRag.Server.Tests.WebPage;

/// <summary>
/// A real DocRag server on 127.0.0.1 (random port, temp data folder) and a fresh browser context with one page on it.
/// Collects what must never happen on the page: uncaught script errors and Content-Security-Policy violations.
/// </summary>
internal sealed class WebPageSession : IAsyncDisposable
{
    /// <summary>Longest wait for a condition on the page (indexing a PDF, an answer); tests never sleep.</summary>
    public const float WaitMs = 30_000;

    private readonly List<string> _pageErrors = [];

    private WebPageSession(ServerHost server, IBrowserContext context, IPage page)
    {
        Server = server;
        Context = context;
        Page = page;
        page.PageError += (_, error) => _pageErrors.Add("uncaught: " + error);
        // Fully offline: nothing but this server (no CDN, fonts or scripts from elsewhere).
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(server.Address.ToString(), StringComparison.Ordinal))
            {
                _pageErrors.Add("request to another origin: " + request.Url);
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                _pageErrors.Add(message.Text);
            }
        };
    }

    public ServerHost Server { get; }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Starts a server (no models unless <paramref name="settings"/> name some) and opens a page context on it.</summary>
    /// <param name="dark">Emulate a dark colour-scheme preference (the page has a dark theme).</param>
    /// <param name="map">Test-only additions to the server before it starts (see <see cref="SseHold"/>).</param>
    public static async Task<WebPageSession> StartAsync(
        BrowserFixture browser, IDictionary<string, string?>? settings = null, int width = 1280, int height = 860, bool dark = false,
        Action<WebApplication>? map = null)
    {
        SetDefaultExpectTimeout(WaitMs);
        var merged = new Dictionary<string, string?>
        {
            ["DocRag:Embedding:Model"] = "none",
            ["DocRag:Generation:Model"] = "none",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        var server = await ServerHost.StartAsync(merged, map);
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = dark ? ColorScheme.Dark : ColorScheme.Light,
            Locale = "en-US",
        });
        context.SetDefaultTimeout(WaitMs);
        await context.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));");
        var page = await context.NewPageAsync();
        return new WebPageSession(server, context, page);
    }

    /// <summary>Opens the page on a view (<c>chat</c>, <c>documents</c>, <c>models</c>) and waits until its script has run.</summary>
    public async Task OpenAsync(string view = "chat")
    {
        await Page.GotoAsync("/#" + view);
        await Expect(Page.Locator("html[data-ready='true']")).ToBeAttachedAsync();
    }

    /// <summary>Waits (bounded) until <c>/ready</c> answers 200: models that load at start gate the answer endpoint.</summary>
    public async Task WaitUntilReadyAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(WaitMs));
        while (true)
        {
            using var response = await Server.Client.GetAsync(new Uri("/ready", UriKind.Relative), timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>From now on, records each distinct text shown by elements matching <paramref name="selector"/>, in order.</summary>
    public async Task RecordTextsAsync(string selector) => await Page.EvaluateAsync(
        """
        selector => {
          window.recorded ??= {};
          const seen = window.recorded[selector] = [];
          new MutationObserver(() => {
            for (const node of document.querySelectorAll(selector)) {
              const text = node.textContent.trim();
              if (text && !seen.includes(text)) seen.push(text);
            }
          }).observe(document.body, { subtree: true, childList: true, characterData: true });
        }
        """,
        selector);

    /// <summary>The texts <see cref="RecordTextsAsync"/> saw so far.</summary>
    public async Task<string[]> RecordedTextsAsync(string selector) =>
        await Page.EvaluateAsync<string[]>("selector => window.recorded[selector]", selector);

    /// <summary>Indexes a folder as a collection directly (as <c>docrag index</c> would), for tests that start from an index.</summary>
    public async Task IndexAsync(string folder, string collection) =>
        await Server.Services.GetRequiredService<FolderSync>().SyncAsync(folder, collection);

    /// <summary>
    /// Saves a screenshot under <see cref="TestPaths.Screenshots"/> and returns its path. The page scrolls inside its
    /// main area (an app shell), so the viewport is made tall enough for all of it first, then put back.
    /// </summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(TestPaths.Screenshots, name + ".png");
        var size = Page.ViewportSize!;
        var needed = await Page.EvaluateAsync<int>(
            "() => document.body.scrollHeight - document.querySelector('main').clientHeight + document.querySelector('main').scrollHeight");
        var dialogOpen = await Page.EvaluateAsync<bool>("() => !!document.querySelector('dialog[open]')");
        if (needed > size.Height && !dialogOpen)
        {
            await Page.SetViewportSizeAsync(size.Width, Math.Min(needed, 4000));
        }

        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, Animations = ScreenshotAnimations.Disabled });
        await Page.SetViewportSizeAsync(size.Width, size.Height);
        return path;
    }

    /// <summary>Fails with the page's uncaught errors, CSP violations and requests to other origins, if there were any.</summary>
    public void AssertNoPageErrors() => Assert.Empty(_pageErrors);

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await Server.DisposeAsync();
    }
}
