using DocRag.Server.Security;

namespace DocRag.Server.Tests.Security;

public sealed class ApiKeyDigestTests
{
    private const string Key = "k-0123456789abcdef";

    [Fact]
    public void Matches_SameKey_True() => Assert.True(ApiKeyDigest.Matches(Key, ApiKeyDigest.Compute(Key)));

    [Theory]
    [InlineData("k-0123456789abcdeF")]
    [InlineData("k-0123456789abcde")]
    [InlineData("k-0123456789abcdef0")]
    [InlineData("")]
    [InlineData("K-0123456789ABCDEF")]
    public void Matches_OtherKey_False(string presented) => Assert.False(ApiKeyDigest.Matches(presented, ApiKeyDigest.Compute(Key)));

    [Fact]
    public void Compute_IsFixedLengthWhateverTheKeyLength()
    {
        Assert.Equal(ApiKeyDigest.Length, ApiKeyDigest.Compute("").Length);
        Assert.Equal(ApiKeyDigest.Length, ApiKeyDigest.Compute(new string('x', 10_000)).Length);
    }

    [Fact]
    public void Equals_DifferentLengths_False() => Assert.False(ApiKeyDigest.Equals(new byte[32], new byte[31]));
}
