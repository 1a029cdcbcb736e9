using CarbonLedger.Domain.Invariants;
using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Tests.Quantities;

public sealed class Co2eTests
{
    [Fact]
    public void FromTonnes_WholeTonnes_CountsGrams()
    {
        Assert.Equal(12_000_000, Co2e.FromTonnes(12).Grams);
        Assert.Equal(-3_000_000, Co2e.FromTonnes(-3).Grams);
        Assert.Equal(Co2e.Zero, Co2e.FromTonnes(0));
    }

    [Fact]
    public void FromKilogramsAndGrams_Values_CountGrams()
    {
        Assert.Equal(3_000, Co2e.FromKilograms(3).Grams);
        Assert.Equal(42, Co2e.FromGrams(42).Grams);
        Assert.Equal(default, Co2e.Zero);
    }

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    [InlineData(9_223_372_036_855)]
    [InlineData(-9_223_372_036_855)]
    public void FromTonnes_BeyondLongRange_ThrowsOverflowException(long tonnes)
    {
        Assert.Throws<OverflowException>(() => Co2e.FromTonnes(tonnes));
    }

    [Fact]
    public void FromTonnes_LargestRepresentable_DoesNotThrow()
    {
        Assert.Equal(9_223_372_036_854_000_000, Co2e.FromTonnes(9_223_372_036_854).Grams);
    }

    [Fact]
    public void FromKilograms_BeyondLongRange_ThrowsOverflowException()
    {
        Assert.Throws<OverflowException>(() => Co2e.FromKilograms(long.MaxValue / 1000 + 1));
    }

    [Fact]
    public void Arithmetic_Overflow_ThrowsOverflowException()
    {
        var max = Co2e.FromGrams(long.MaxValue);
        var min = Co2e.FromGrams(long.MinValue);
        Assert.Throws<OverflowException>(() => max + Co2e.FromGrams(1));
        Assert.Throws<OverflowException>(() => min - Co2e.FromGrams(1));
    }

    [Fact]
    public void Arithmetic_InRange_IsExact()
    {
        Assert.Equal(Co2e.FromGrams(1_000_001), Co2e.FromTonnes(1) + Co2e.FromGrams(1));
        Assert.Equal(Co2e.FromGrams(999_999), Co2e.FromTonnes(1) - Co2e.FromGrams(1));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1_000_000, true)]
    [InlineData(-2_000_000, true)]
    [InlineData(1_000_001, false)]
    [InlineData(999_999, false)]
    [InlineData(-1, false)]
    public void IsWholeTonnes_Grams_DetectsFractions(long grams, bool whole)
    {
        Assert.Equal(whole, Co2e.FromGrams(grams).IsWholeTonnes);
    }

    [Fact]
    public void WholeTonnes_WholeQuantity_ReturnsTonnes()
    {
        Assert.Equal(12, Co2e.FromTonnes(12).WholeTonnes);
    }

    [Fact]
    public void WholeTonnes_FractionalQuantity_ThrowsInvariantException()
    {
        Assert.Throws<LedgerInvariantException>(() => Co2e.FromGrams(12_345_678).WholeTonnes);
    }

    [Theory]
    [InlineData(12_345_678, "12.345678 t")]
    [InlineData(0, "0.000000 t")]
    [InlineData(1, "0.000001 t")]
    [InlineData(5_000_000, "5.000000 t")]
    [InlineData(-1, "-0.000001 t")]
    [InlineData(-12_345_678, "-12.345678 t")]
    [InlineData(-2_000_000, "-2.000000 t")]
    public void ToString_Grams_FormatsTonnesWithSixDecimals(long grams, string expected)
    {
        Assert.Equal(expected, Co2e.FromGrams(grams).ToString());
    }

    [Fact]
    public void Comparison_ByGrams_OrdersQuantities()
    {
        var small = Co2e.FromGrams(1);
        var big = Co2e.FromTonnes(1);
        Assert.True(small < big);
        Assert.True(big > small);
        Assert.True(small <= Co2e.FromGrams(1));
        Assert.True(big >= Co2e.FromGrams(1_000_000));
        Assert.False(big < small);
        Assert.True(small.CompareTo(big) < 0);
        Assert.Equal(0, big.CompareTo(Co2e.FromTonnes(1)));
    }
}
