using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;

namespace CarbonLedger.Domain.Tests.Accounts;

public sealed class AccountFactsTests
{
    [Theory]
    [InlineData(AccountType.SurrenderedSink, "SYS-SURRENDERED")]
    [InlineData(AccountType.RetiredSink, "SYS-RETIRED")]
    [InlineData(AccountType.CancelledSink, "SYS-CANCELLED")]
    public void SinkAccounts_EachSinkType_HasItsReservedAccount(AccountType type, string id)
    {
        Assert.True(type.IsTerminalSink());
        Assert.Equal(id, SinkAccounts.For(type).Value);
        Assert.StartsWith(SinkAccounts.ReservedPrefix, id, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AccountType.Authority)]
    [InlineData(AccountType.EnterpriseHolding)]
    [InlineData(AccountType.Trading)]
    [InlineData(AccountType.Fee)]
    public void SinkAccounts_NonSinkType_IsNotTerminal(AccountType type)
    {
        Assert.False(type.IsTerminalSink());
        Assert.Throws<ArgumentOutOfRangeException>(() => SinkAccounts.For(type));
    }

    [Fact]
    public void Position_Buckets_SumToTotalAndIndex()
    {
        var p = new Position(Co2e.FromTonnes(1), Co2e.FromTonnes(2), Co2e.FromTonnes(3), Co2e.FromTonnes(4),
            Co2e.FromTonnes(5));
        Assert.Equal(Co2e.FromTonnes(15), p.Total);
        Assert.False(p.IsEmpty);
        Assert.Equal(Co2e.FromTonnes(1), p[Bucket.Available]);
        Assert.Equal(Co2e.FromTonnes(2), p[Bucket.Locked]);
        Assert.Equal(Co2e.FromTonnes(3), p[Bucket.Unsettled]);
        Assert.Equal(Co2e.FromTonnes(4), p[Bucket.Frozen]);
        Assert.Equal(Co2e.FromTonnes(5), p[Bucket.Pledged]);
        Assert.Throws<ArgumentOutOfRangeException>(() => p[(Bucket)0]);
        Assert.True(default(Position).IsEmpty);
    }

    [Fact]
    public void RetirementCertificate_IdFor_IsTwelveDigitSequence()
    {
        Assert.Equal("RC-000000000001", RetirementCertificate.IdFor(1));
        Assert.Equal("RC-000000123456", RetirementCertificate.IdFor(123_456));
    }
}
