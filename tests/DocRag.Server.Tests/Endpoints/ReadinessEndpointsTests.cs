using System.Net;
using System.Net.Http.Json;
using DocRag.Core.Hosting;
using DocRag.Server.Endpoints;
using DocRag.Server.Tests.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DocRag.Server.Tests.Endpoints;

public sealed class ReadinessEndpointsTests
{
    [Fact]
    public async Task Ready_NothingPending_200()
    {
        using var factory = new DocRagFactory();
        using var client = factory.CreateClient();

        var body = await client.GetFromJsonAsync<ReadinessResponse>(new Uri("/ready", UriKind.Relative));

        Assert.Equal("ready", body!.Status);
    }

    [Fact]
    public async Task Ready_ModelLoading_503WithReasonAndRetryAfter_ThenReady()
    {
        using var factory = new DocRagFactory(new Dictionary<string, string?> { ["DocRag:Server:NotReadyRetryAfterSeconds"] = "7" });
        using var client = factory.CreateClient();
        var readiness = factory.Services.GetRequiredService<IReadinessState>();
        readiness.SetNotReady("embedder", "loading embedding model");
        readiness.SetNotReady("index", "opening the index");

        using var loading = await client.GetAsync(new Uri("/ready", UriKind.Relative));

        var problem = await ProblemExceptionHandlerTests.ReadProblemAsync(loading, HttpStatusCode.ServiceUnavailable, "not-ready");
        Assert.Equal("Not ready: loading embedding model.", problem.Detail);
        Assert.Equal(TimeSpan.FromSeconds(7), loading.Headers.RetryAfter!.Delta);
        Assert.Equal(2, problem.Extensions["pending"].GetArrayLength());
        Assert.Equal("embedder", problem.Extensions["pending"][0].GetProperty("component").GetString());

        readiness.SetReady("embedder");
        readiness.SetReady("index");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/ready", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task RequireReadiness_WhileLoading_503WithoutRunningTheHandler()
    {
        var calls = 0;
        await using var host = await ServerHost.StartAsync(map: app => app.MapV1Group().MapGet("/test/answer", () => ++calls).RequireReadiness());
        var readiness = host.Services.GetRequiredService<IReadinessState>();
        readiness.SetNotReady("generator", "loading generator model");

        using var loading = await host.Client.GetAsync(new Uri("/v1/test/answer", UriKind.Relative));

        await ProblemExceptionHandlerTests.ReadProblemAsync(loading, HttpStatusCode.ServiceUnavailable, "not-ready");
        Assert.NotNull(loading.Headers.RetryAfter);
        Assert.Equal(0, calls);

        readiness.SetReady("generator");
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(new Uri("/v1/test/answer", UriKind.Relative))).StatusCode);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Health_AlwaysOpenAndAnswersWhileLoading()
    {
        using var factory = new DocRagFactory(ServerHost.WithKeys());
        using var client = factory.CreateClient();
        factory.Services.GetRequiredService<IReadinessState>().SetNotReady("embedder", "loading embedding model");

        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
