using System.Text.Json;

namespace DocRag.Server.Tests.Hostile;

/// <summary>
/// Every operation of the server's generated OpenAPI document, driven with generated hostile values against the real
/// server (issue 16): the answer is a result or a documented problem (4xx), never a 5xx, and the server keeps serving.
/// </summary>
public sealed class OpenApiHostileTests(OpenApiHostileServer server) : IClassFixture<OpenApiHostileServer>
{
    [Fact]
    public async Task EveryOperation_GeneratedHostileValues_NoServerError()
    {
        using var openApi = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var operations = OpenApiHostileRequests.From(openApi.RootElement, seed: 16);
        var failures = new List<string>();
        var sent = 0;

        foreach (var (operation, requests) in operations)
        {
            foreach (var request in requests)
            {
                using var message = request.Create();
                using var response = await server.Client.SendAsync(message);
                sent++;
                if ((int)response.StatusCode >= 500)
                {
                    var body = await response.Content.ReadAsStringAsync();
                    failures.Add($"{(int)response.StatusCode} for {request}: {body[..Math.Min(body.Length, 300)]}");
                }
            }
        }

        Assert.True(operations.Count >= 14, $"the OpenAPI document lists {operations.Count} operations");
        Assert.All(operations, o => Assert.NotEmpty(o.Value));
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests got a 5xx:\n{string.Join("\n", failures.Take(40))}");
        using var health = await server.Client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
    }
}
