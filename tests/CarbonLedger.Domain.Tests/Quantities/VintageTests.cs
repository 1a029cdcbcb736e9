using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Tests.Quantities;

public sealed class VintageTests
{
    [Theory]
    [InlineData(2005)]
    [InlineData(2024)]
    [InlineData(2100)]
    public void Of_YearInRange_CreatesVintage(int year)
    {
        Assert.Equal(year, Vintage.Of(year).Year);
        Assert.True(Vintage.TryOf(year, out Vintage v));
        Assert.Equal(year, v.Year);
    }

    [Theory]
    [InlineData(2004)]
    [InlineData(2101)]
    [InlineData(1990)]
    [InlineData(0)]
    [InlineData(-2024)]
    public void Of_YearOutOfRange_Throws(int year)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Vintage.Of(year));
        Assert.False(Vintage.TryOf(year, out Vintage v));
        Assert.Equal(default, v);
    }

    [Fact]
    public void ToString_Vintage_IsTheFourDigitYear()
    {
        Assert.Equal("2024", Vintage.Of(2024).ToString());
    }

    [Fact]
    public void Comparison_ByYear_OrdersVintages()
    {
        Assert.True(Vintage.Of(2023) < Vintage.Of(2024));
        Assert.True(Vintage.Of(2024) > Vintage.Of(2023));
        Assert.True(Vintage.Of(2024) <= Vintage.Of(2024));
        Assert.True(Vintage.Of(2024) >= Vintage.Of(2024));
        Assert.Equal(Vintage.Of(2024), Vintage.Of(2024));
        Assert.True(Vintage.Of(2005).CompareTo(Vintage.Of(2100)) < 0);
    }
}
