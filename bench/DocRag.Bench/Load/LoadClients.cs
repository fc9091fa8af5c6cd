using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace DocRag.Bench.Load;

/// <summary>
/// N clients in a closed loop against one server: each sends a request, waits for its answer, and sends the next until
/// the run's time is up; the requests in flight then finish (nothing is cancelled, so every request sent is either
/// answered or counted as lost). A 429 is counted and its <c>Retry-After</c> honoured before that client's next ask.
/// </summary>
internal sealed class LoadClients(Uri address, LoadSettings settings)
{
    public async Task RunAsync(LoadTally tally, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = settings.Clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        // Generous: a queued generation on a busy CPU can take long, and a timeout would count as lost.
        using var http = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
        var stop = Stopwatch.StartNew();
        var clients = Enumerable.Range(0, settings.Clients)
            .Select(i => Task.Run(() => ClientAsync(http, tally, new Random(settings.Seed * 1000 + i), stop, duration, cancellationToken), cancellationToken));
        await Task.WhenAll(clients).ConfigureAwait(false);
    }

    private async Task ClientAsync(HttpClient http, LoadTally tally, Random random, Stopwatch clock, TimeSpan duration, CancellationToken cancellationToken)
    {
        var askAfter = TimeSpan.Zero;
        while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
        {
            var query = LoadQueries.All[random.Next(LoadQueries.All.Count)];
            var kind = settings.Mixed && random.Next(2) == 0 && clock.Elapsed >= askAfter ? LoadRequestKind.Ask : LoadRequestKind.Search;
            object body = kind == LoadRequestKind.Ask
                ? new { question = query, maxTokens = settings.MaxTokens, temperature = 0 }
                : new { query, topK = 10 };
            var uri = new Uri(kind == LoadRequestKind.Ask ? "/v1/ask" : "/v1/search", UriKind.Relative);
            tally.RecordSent();
            var watch = Stopwatch.StartNew();
            try
            {
                using var response = await http.PostAsJsonAsync(uri, body, cancellationToken).ConfigureAwait(false);
                // Read the whole body: a request is answered when its answer has arrived, not its headers.
                var content = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                var retryAfter = response.Headers.RetryAfter?.Delta;
                tally.RecordAnswer(kind, (int)response.StatusCode, watch.Elapsed.TotalMilliseconds, retryAfter is not null, content);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    askAfter = clock.Elapsed + (retryAfter ?? TimeSpan.FromSeconds(1));
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                tally.RecordError(ex);
            }
        }
    }
}
