using DocRag.Core.Models;
using DocRag.TestSupport;

namespace DocRag.Core.Tests.Models;

public sealed class NuGetSourcesTests : IDisposable
{
    private readonly TempDirectory _dir = new("docrag-nuget-config");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Resolve_NearestConfigFirst_SkipsDisabledAndLocalSources()
    {
        _dir.WriteText("repo/nuget.config", """
            <configuration>
              <packageSources>
                <add key="local" value="/srv/packages" />
                <add key="off" value="https://off.example/v3/index.json" />
                <add key="mirror" value="https://mirror.example/v3/index.json" />
              </packageSources>
              <disabledPackageSources><add key="off" value="true" /></disabledPackageSources>
            </configuration>
            """);
        var user = _dir.WriteText("user/NuGet.Config", """<configuration><packageSources><add key="nuget.org" value="https://api.nuget.org/v3/index.json" /></packageSources></configuration>""");
        Directory.CreateDirectory(_dir.Combine("repo", "src"));

        Assert.Equal(new Uri("https://mirror.example/v3/index.json"), NuGetSources.Resolve(null, _dir.Combine("repo", "src"), user));
    }

    [Fact]
    public void Resolve_ClearDropsTheSourcesOfFilesFurtherAway()
    {
        _dir.WriteText("repo/nuget.config", """<configuration><packageSources><clear /></packageSources></configuration>""");
        var user = _dir.WriteText("user/NuGet.Config", """<configuration><packageSources><add key="corp" value="https://corp.example/v3/index.json" /></packageSources></configuration>""");

        Assert.Equal(NuGetSources.NuGetOrg, NuGetSources.Resolve(null, _dir.Combine("repo"), user));
        Assert.Equal(new Uri("https://corp.example/v3/index.json"), NuGetSources.Resolve(null, _dir.Combine("elsewhere"), user));
    }

    [Fact]
    public void Resolve_ConfiguredFeed_Wins()
    {
        var user = _dir.WriteText("user/NuGet.Config", """<configuration><packageSources><add key="corp" value="https://corp.example/v3/index.json" /></packageSources></configuration>""");
        var configured = new Uri("http://127.0.0.1:5555/v3/index.json");

        Assert.Equal(configured, NuGetSources.Resolve(configured, _dir.Path, user));
    }
}
