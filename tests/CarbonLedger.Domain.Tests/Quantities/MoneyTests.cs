using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Tests.Quantities;

public sealed class MoneyTests
{
    [Fact]
    public void FromYuan_WholeYuan_CountsFen()
    {
        Assert.Equal(1_200, Money.FromYuan(12).Fen);
        Assert.Equal(7, Money.FromFen(7).Fen);
        Assert.Equal(default, Money.Zero);
    }

    [Fact]
    public void FromYuan_BeyondLongRange_ThrowsOverflowException()
    {
        Assert.Throws<OverflowException>(() => Money.FromYuan(long.MaxValue / 100 + 1));
    }

    [Fact]
    public void Arithmetic_InRange_IsExactAndOverflowThrows()
    {
        Assert.Equal(Money.FromFen(1_250), Money.FromYuan(12) + Money.FromFen(50));
        Assert.Equal(Money.FromFen(1_150), Money.FromYuan(12) - Money.FromFen(50));
        Assert.Throws<OverflowException>(() => Money.FromFen(long.MaxValue) + Money.FromFen(1));
        Assert.Throws<OverflowException>(() => Money.FromFen(long.MinValue) - Money.FromFen(1));
    }

    [Theory]
    [InlineData(123_456, "CNY 1234.56")]
    [InlineData(0, "CNY 0.00")]
    [InlineData(5, "CNY 0.05")]
    [InlineData(-5, "CNY -0.05")]
    [InlineData(-123_456, "CNY -1234.56")]
    public void ToString_Fen_FormatsYuanWithTwoDecimals(long fen, string expected)
    {
        Assert.Equal(expected, Money.FromFen(fen).ToString());
    }

    [Fact]
    public void Comparison_ByFen_OrdersAmounts()
    {
        Assert.True(Money.FromFen(99) < Money.FromYuan(1));
        Assert.True(Money.FromYuan(1) > Money.FromFen(99));
        Assert.True(Money.FromYuan(1) <= Money.FromFen(100));
        Assert.True(Money.FromYuan(1) >= Money.FromFen(100));
        Assert.True(Money.FromFen(1).CompareTo(Money.FromFen(2)) < 0);
    }
}
