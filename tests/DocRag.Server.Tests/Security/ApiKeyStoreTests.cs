using DocRag.Server.Security;

namespace DocRag.Server.Tests.Security;

public sealed class ApiKeyStoreTests
{
    private static readonly ApiKeyStore Store = new(
    [
        new("a", "alice", "alice-key-0123456789", [], null),
        new("b", "bob", "bob-key-0123456789ab", ["hr", "legal"], 30),
    ]);

    [Fact]
    public void Find_EachKey_ReturnsItsEntry()
    {
        Assert.Equal("alice", Store.Find("alice-key-0123456789")!.Name);
        var bob = Store.Find("bob-key-0123456789ab")!;
        Assert.Equal("bob", bob.Name);
        Assert.Equal(30, bob.RequestsPerMinute);
        Assert.True(bob.Scope.Allows("hr"));
        Assert.False(bob.Scope.Allows("finance"));
        Assert.False(bob.Scope.Allows("HR"));
    }

    [Theory]
    [InlineData("alice-key-012345678")]
    [InlineData("alice-key-01234567890")]
    [InlineData("alice")]
    [InlineData("")]
    public void Find_UnknownKey_Null(string presented) => Assert.Null(Store.Find(presented));

    [Fact]
    public void FindByName_IgnoresCase() => Assert.Equal("bob", Store.FindByName("BOB")!.Name);

    [Fact]
    public void HasKeys_EmptyStore_False() => Assert.False(new ApiKeyStore([]).HasKeys);

    [Fact]
    public void Scope_UnscopedKey_IsUnrestricted() => Assert.True(Store.FindByName("alice")!.Scope.IsUnrestricted);
}
