using DocRag.Server.Hosting;

namespace DocRag.Server.Tests.Hosting;

public sealed class ListenAddressTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://127.0.0.2:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("https://LOCALHOST:5443")]
    [InlineData("http://[::1]:5080")]
    [InlineData("http://unix:/run/docrag.sock")]
    public void IsLoopback_LocalOnlyAddress_True(string url) => Assert.True(new ListenAddress(url, "test").IsLoopback());

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://[::]:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://+:5080")]
    [InlineData("http://192.168.1.20:5080")]
    [InlineData("http://10.0.0.1:5080")]
    [InlineData("http://docs.example.com:5080")]
    [InlineData("http://localhost.example.com:5080")]
    public void IsLoopback_ReachableFromNetwork_False(string url) => Assert.False(new ListenAddress(url, "test").IsLoopback());

    [Fact]
    public void IsLoopback_NotAnAddress_Throws() =>
        Assert.Throws<FormatException>(() => new ListenAddress("127.0.0.1:5080", "test").IsLoopback());
}
