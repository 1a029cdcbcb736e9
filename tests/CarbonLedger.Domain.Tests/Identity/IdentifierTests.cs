using CarbonLedger.Domain.Identity;

namespace CarbonLedger.Domain.Tests.Identity;

public sealed class IdentifierTests
{
    [Theory]
    [InlineData("E-1")]
    [InlineData("a.b_c-9")]
    [InlineData("0abc")]
    [InlineData("MEE")]
    public void AccountIdAndActorId_ValidText_AreAccepted(string text)
    {
        Assert.Equal(text, AccountId.Of(text).Value);
        Assert.Equal(text, ActorId.Of(text).Value);
        Assert.Equal(text, AccountId.Of(text).ToString());
        Assert.Equal(text, ActorId.Of(text).ToString());
    }

    [Fact]
    public void AccountId_SixtyFourCharacters_IsTheLongestAccepted()
    {
        string longest = new('a', 64);
        Assert.Equal(longest, AccountId.Of(longest).Value);
        Assert.True(ActorId.TryOf(longest, out _, out _));
    }

    [Theory]
    [InlineData("", "account id is empty")]
    [InlineData("-x", "account id '-x' must start with a letter or digit")]
    [InlineData(".x", "account id '.x' must start with a letter or digit")]
    [InlineData(" x", "account id ' x' must start with a letter or digit")]
    [InlineData("a b", "account id 'a b' contains ' ' (allowed: letters, digits, '.', '_', '-')")]
    [InlineData("a/b", "account id 'a/b' contains '/' (allowed: letters, digits, '.', '_', '-')")]
    [InlineData("账户1", "account id '账户1' must start with a letter or digit")]
    [InlineData("x账户", "account id 'x账户' contains '账' (allowed: letters, digits, '.', '_', '-')")]
    public void AccountId_InvalidText_ThrowsFormatExceptionNamingTheField(string text, string message)
    {
        FormatException e = Assert.Throws<FormatException>(() => AccountId.Of(text));
        Assert.Equal(message, e.Message);
        Assert.False(AccountId.TryOf(text, out AccountId id, out string? error));
        Assert.Equal(message, error);
        Assert.Equal(default, id);
    }

    [Fact]
    public void AccountId_TooLong_ThrowsFormatExceptionNamingTheLimit()
    {
        FormatException e = Assert.Throws<FormatException>(() => AccountId.Of(new string('a', 65)));
        Assert.Equal("account id 'aaaaaaaaaaaaaaaa…' is longer than 64 characters", e.Message);
    }

    [Theory]
    [InlineData("", "actor id is empty")]
    [InlineData("_x", "actor id '_x' must start with a letter or digit")]
    [InlineData("a:b", "actor id 'a:b' contains ':' (allowed: letters, digits, '.', '_', '-')")]
    public void ActorId_InvalidText_ThrowsFormatExceptionNamingTheField(string text, string message)
    {
        FormatException e = Assert.Throws<FormatException>(() => ActorId.Of(text));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void ActorId_TooLong_Throws()
    {
        FormatException e = Assert.Throws<FormatException>(() => ActorId.Of(new string('b', 65)));
        Assert.Contains("longer than 64 characters", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("actor id", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryOf_Null_FailsAsEmpty()
    {
        Assert.False(AccountId.TryOf(null, out _, out string? accountError));
        Assert.Equal("account id is empty", accountError);
        Assert.False(ActorId.TryOf(null, out _, out string? actorError));
        Assert.Equal("actor id is empty", actorError);
    }

    [Fact]
    public void AccountId_Equality_IsCaseSensitiveAndOrdinal()
    {
        Assert.NotEqual(AccountId.Of("abc"), AccountId.Of("ABC"));
        Assert.Equal(AccountId.Of("abc"), AccountId.Of("abc"));
        Assert.True(AccountId.Of("B") < AccountId.Of("a")); // ordinal: upper case sorts first
        Assert.True(AccountId.Of("a") > AccountId.Of("B"));
        Assert.True(AccountId.Of("a") <= AccountId.Of("a"));
        Assert.True(AccountId.Of("a") >= AccountId.Of("a"));
        Assert.True(ActorId.Of("B") < ActorId.Of("a"));
        Assert.True(ActorId.Of("b") > ActorId.Of("a"));
        Assert.True(ActorId.Of("a") <= ActorId.Of("a"));
        Assert.True(ActorId.Of("a") >= ActorId.Of("a"));
    }

    [Fact]
    public void DefaultIds_ToString_IsEmpty()
    {
        Assert.Equal("", default(AccountId).ToString());
        Assert.Equal("", default(ActorId).ToString());
        Assert.Equal("", default(IdempotencyKey).ToString());
    }

    [Theory]
    [InlineData("k")]
    [InlineData("550e8400-e29b-41d4-a716-446655440000")]
    [InlineData("order:42/leg#1")]
    [InlineData("!~")]
    public void IdempotencyKey_PrintableAscii_IsAccepted(string text)
    {
        Assert.Equal(text, IdempotencyKey.Of(text).Value);
        Assert.Equal(text, IdempotencyKey.Of(text).ToString());
    }

    [Fact]
    public void IdempotencyKey_128Characters_IsTheLongestAccepted()
    {
        Assert.True(IdempotencyKey.TryOf(new string('k', 128), out _, out _));
        FormatException e = Assert.Throws<FormatException>(() => IdempotencyKey.Of(new string('k', 129)));
        Assert.Equal("idempotency key is longer than 128 characters", e.Message);
    }

    [Theory]
    [InlineData("", "idempotency key is empty")]
    [InlineData("a b", "idempotency key must be printable ASCII without spaces")]
    [InlineData("a\tb", "idempotency key must be printable ASCII without spaces")]
    [InlineData("é", "idempotency key must be printable ASCII without spaces")]
    [InlineData("a\u007f", "idempotency key must be printable ASCII without spaces")]
    public void IdempotencyKey_InvalidText_ThrowsFormatException(string text, string message)
    {
        FormatException e = Assert.Throws<FormatException>(() => IdempotencyKey.Of(text));
        Assert.Equal(message, e.Message);
        Assert.False(IdempotencyKey.TryOf(text, out IdempotencyKey key, out _));
        Assert.Equal(default, key);
    }

    [Fact]
    public void IdempotencyKey_Null_IsEmpty()
    {
        Assert.False(IdempotencyKey.TryOf(null, out _, out string? error));
        Assert.Equal("idempotency key is empty", error);
    }
}
