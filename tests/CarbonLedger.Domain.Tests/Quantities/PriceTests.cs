using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Tests.Quantities;

public sealed class PriceTests
{
    [Fact]
    public void FromYuanPerTonne_WholeYuan_CountsFenPerTonne()
    {
        Assert.Equal(8_100, Price.FromYuanPerTonne(81).FenPerTonne);
        Assert.Equal(8_120, Price.FromFenPerTonne(8_120).FenPerTonne);
        Assert.Throws<OverflowException>(() => Price.FromYuanPerTonne(long.MaxValue));
    }

    [Theory]
    [InlineData(8_120, "81.20/t")]
    [InlineData(5, "0.05/t")]
    [InlineData(-50, "-0.50/t")]
    [InlineData(-8_120, "-81.20/t")]
    public void ToString_AnySign_RendersYuanWithTwoDecimals(long fenPerTonne, string expected)
    {
        Assert.Equal(expected, Price.FromFenPerTonne(fenPerTonne).ToString());
    }

    [Fact]
    public void ValueOf_WholeTonnes_IsExact()
    {
        Assert.Equal(Money.FromFen(812_000), Price.FromFenPerTonne(8_120).ValueOf(Co2e.FromTonnes(100)));
        Assert.Equal(Money.Zero, Price.FromFenPerTonne(8_120).ValueOf(Co2e.Zero));
    }

    [Theory]
    [InlineData(1, 500_000, 1)] // 0.5 fen rounds up
    [InlineData(1, 499_999, 0)] // 0.499999 fen rounds down
    [InlineData(3, 500_000, 2)] // 1.5 fen rounds up
    [InlineData(8_120, 1_500_000, 12_180)] // 1.5 t × 81.20
    [InlineData(8_121, 500_000, 4_061)] // 4060.5 fen rounds up
    [InlineData(8_121, 499_999, 4_060)]
    [InlineData(1, 1, 0)]
    public void ValueOf_FractionalFen_RoundsHalfUp(long fenPerTonne, long grams, long expectedFen)
    {
        Assert.Equal(Money.FromFen(expectedFen), Price.FromFenPerTonne(fenPerTonne).ValueOf(Co2e.FromGrams(grams)));
    }

    [Fact]
    public void ValueOf_HugeValues_DoNotOverflowTheIntermediateProduct()
    {
        // 10^9 t at 100,000 CNY/t: fen/t × grams = 10^7 × 10^15 = 10^22 overflows long but not Int128.
        Money value = Price.FromYuanPerTonne(100_000).ValueOf(Co2e.FromTonnes(1_000_000_000));
        Assert.Equal(10_000_000_000_000_000, value.Fen);
    }

    [Theory]
    [InlineData(8_120, "81.20/t")]
    [InlineData(5, "0.05/t")]
    [InlineData(100, "1.00/t")]
    public void ToString_FenPerTonne_FormatsYuanPerTonne(long fenPerTonne, string expected)
    {
        Assert.Equal(expected, Price.FromFenPerTonne(fenPerTonne).ToString());
    }

    [Fact]
    public void Comparison_ByFenPerTonne_OrdersPrices()
    {
        Assert.True(Price.FromFenPerTonne(1) < Price.FromFenPerTonne(2));
        Assert.True(Price.FromFenPerTonne(2) > Price.FromFenPerTonne(1));
        Assert.True(Price.FromFenPerTonne(2) <= Price.FromFenPerTonne(2));
        Assert.True(Price.FromFenPerTonne(2) >= Price.FromFenPerTonne(2));
        Assert.Equal(0, Price.FromYuanPerTonne(1).CompareTo(Price.FromFenPerTonne(100)));
    }
}
