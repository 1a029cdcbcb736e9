using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Tests.Quantities;

public sealed class RoundingTests
{
    [Theory]
    [InlineData(7, 1, 2, 4)] // 3.5 → 4
    [InlineData(5, 1, 2, 3)] // 2.5 → 3
    [InlineData(6, 1, 2, 3)]
    [InlineData(1, 1, 3, 0)] // 0.333 → 0
    [InlineData(2, 1, 3, 1)] // 0.667 → 1
    [InlineData(-7, 1, 2, -4)] // −3.5 → −4 (half away from zero)
    [InlineData(-5, 1, 2, -3)]
    [InlineData(-1, 1, 3, 0)]
    [InlineData(-2, 1, 3, -1)]
    [InlineData(0, 5, 7, 0)]
    [InlineData(12_345, 1_000, 1_000_000, 12)] // 12.345 → 12
    [InlineData(12_500, 1_000, 1_000_000, 13)] // 12.5 → 13
    public void MultiplyDivideHalfUp_Values_RoundHalfAwayFromZero(long a, long b, long d, long expected)
    {
        Assert.Equal(expected, Rounding.MultiplyDivideHalfUp(a, b, d));
    }

    [Theory]
    [InlineData(7, 1, 2, 3)]
    [InlineData(6, 1, 2, 3)]
    [InlineData(-7, 1, 2, -4)]
    [InlineData(-6, 1, 2, -3)]
    [InlineData(-1, 1, 1_000, -1)]
    [InlineData(999, 1, 1_000, 0)]
    public void MultiplyDivideFloor_Values_RoundTowardNegativeInfinity(long a, long b, long d, long expected)
    {
        Assert.Equal(expected, Rounding.MultiplyDivideFloor(a, b, d));
    }

    [Theory]
    [InlineData(7, 1, 2, 4)]
    [InlineData(6, 1, 2, 3)]
    [InlineData(-7, 1, 2, -3)]
    [InlineData(-6, 1, 2, -3)]
    [InlineData(1, 1, 1_000, 1)]
    [InlineData(-999, 1, 1_000, 0)]
    public void MultiplyDivideCeiling_Values_RoundTowardPositiveInfinity(long a, long b, long d, long expected)
    {
        Assert.Equal(expected, Rounding.MultiplyDivideCeiling(a, b, d));
    }

    [Fact]
    public void MultiplyDivide_ProductBeyondLong_UsesWideIntermediate()
    {
        Assert.Equal(long.MaxValue, Rounding.MultiplyDivideHalfUp(long.MaxValue, 3, 3));
        Assert.Equal(long.MaxValue, Rounding.MultiplyDivideFloor(long.MaxValue, 3, 3));
        Assert.Equal(long.MaxValue, Rounding.MultiplyDivideCeiling(long.MaxValue, 3, 3));
    }

    [Fact]
    public void MultiplyDivide_ResultBeyondLong_ThrowsOverflowException()
    {
        Assert.Throws<OverflowException>(() => Rounding.MultiplyDivideHalfUp(long.MaxValue, 2, 1));
        Assert.Throws<OverflowException>(() => Rounding.MultiplyDivideFloor(long.MaxValue, 2, 1));
        Assert.Throws<OverflowException>(() => Rounding.MultiplyDivideCeiling(long.MaxValue, 2, 1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void MultiplyDivide_NonPositiveDivisor_Throws(long d)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Rounding.MultiplyDivideHalfUp(1, 1, d));
        Assert.Throws<ArgumentOutOfRangeException>(() => Rounding.MultiplyDivideFloor(1, 1, d));
        Assert.Throws<ArgumentOutOfRangeException>(() => Rounding.MultiplyDivideCeiling(1, 1, d));
    }

    [Theory]
    [InlineData(12_345_678, 1_000_000, 12, 345_678)]
    [InlineData(0, 1_000_000, 0, 0)]
    [InlineData(999_999, 1_000_000, 0, 999_999)]
    [InlineData(2_000_000, 1_000_000, 2, 0)]
    [InlineData(-1, 1_000_000, -1, 999_999)]
    [InlineData(-12_345_678, 1_000_000, -13, 654_322)]
    [InlineData(-2_000_000, 1_000_000, -2, 0)]
    public void SplitWhole_Amount_FloorsWithNonNegativeRemainder(long amount, long unit, long whole, long rest)
    {
        Assert.Equal((whole, rest), Rounding.SplitWhole(amount, unit));
    }

    [Fact]
    public void SplitWhole_ManyAmounts_RecomposesExactly()
    {
        long[] amounts = [long.MaxValue, long.MinValue, 1, -1, 7, -7, 1_000_000, -999_999, 123_456_789_012];
        foreach (long amount in amounts)
        {
            foreach (long unit in new long[] { 1, 2, 1_000, 1_000_000 })
            {
                (long whole, long rest) = Rounding.SplitWhole(amount, unit);
                Assert.InRange(rest, 0, unit - 1);
                Assert.Equal((Int128)amount, ((Int128)whole * unit) + rest);
            }
        }
    }

    [Fact]
    public void SplitWhole_NonPositiveUnit_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Rounding.SplitWhole(10, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Rounding.SplitWhole(10, -3));
    }
}
