using CarbonLedger.Domain.Credits;

namespace CarbonLedger.Domain.Tests.Credits;

public sealed class SerialRangeTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1, 100, 100)]
    [InlineData(31, 100, 70)]
    [InlineData(1, 999_999_999_999, 999_999_999_999)]
    public void Count_InclusiveRange_CountsEverySerial(long start, long end, long count)
    {
        Assert.Equal(count, new SerialRange(start, end).Count);
    }

    [Fact]
    public void Count_RangeBeyondLong_ThrowsOverflowException()
    {
        Assert.Throws<OverflowException>(() => new SerialRange(long.MinValue, long.MaxValue).Count);
    }

    [Theory]
    [InlineData(1, 1, true)]
    [InlineData(1, 999_999_999_999, true)]
    [InlineData(0, 5, false)]
    [InlineData(-3, 5, false)]
    [InlineData(9, 3, false)]
    [InlineData(5, 1_000_000_000_000, false)]
    public void IsValid_Bounds_AreChecked(long start, long end, bool valid)
    {
        Assert.Equal(valid, new SerialRange(start, end).IsValid);
    }

    [Theory]
    [InlineData(1, 10, 10, 20, true)] // touching at one serial
    [InlineData(1, 10, 11, 20, false)] // adjacent only
    [InlineData(5, 6, 1, 100, true)] // inside
    [InlineData(1, 100, 5, 6, true)] // around
    [InlineData(50, 60, 1, 49, false)]
    [InlineData(50, 60, 60, 60, true)]
    public void Overlaps_TwoRanges_SharesASerial(long s1, long e1, long s2, long e2, bool overlaps)
    {
        var a = new SerialRange(s1, e1);
        var b = new SerialRange(s2, e2);
        Assert.Equal(overlaps, a.Overlaps(b));
        Assert.Equal(overlaps, b.Overlaps(a));
    }

    [Fact]
    public void Contains_InnerRange_IsInside()
    {
        var outer = new SerialRange(10, 20);
        Assert.True(outer.Contains(new SerialRange(10, 20)));
        Assert.True(outer.Contains(new SerialRange(12, 15)));
        Assert.False(outer.Contains(new SerialRange(9, 15)));
        Assert.False(outer.Contains(new SerialRange(15, 21)));
    }

    [Theory]
    [InlineData("1-100", 1, 100)]
    [InlineData("42", 42, 42)]
    [InlineData("000000000001-000000000100", 1, 100)]
    [InlineData("999999999999", 999_999_999_999, 999_999_999_999)]
    public void TryParse_ValidText_ParsesRange(string text, long start, long end)
    {
        Assert.True(SerialRange.TryParse(text, out SerialRange range));
        Assert.Equal(new SerialRange(start, end), range);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("abc")]
    [InlineData("0-5")]
    [InlineData("5-1")]
    [InlineData("1-2-3")]
    [InlineData(" 1-2")]
    [InlineData("1 -2")]
    [InlineData("-5")]
    [InlineData("+1-5")]
    [InlineData("1-1000000000000")]
    [InlineData("1-99999999999999999999")]
    public void TryParse_BadText_Fails(string? text)
    {
        Assert.False(SerialRange.TryParse(text, out _));
    }

    [Fact]
    public void ToString_Range_PrintsTwelveDigitSerials()
    {
        Assert.Equal("000000000001-000000000100", new SerialRange(1, 100).ToString());
        Assert.True(SerialRange.TryParse(new SerialRange(31, 100).ToString(), out SerialRange back));
        Assert.Equal(new SerialRange(31, 100), back);
    }

    [Fact]
    public void Comparison_ByStartThenEnd_OrdersRanges()
    {
        Assert.True(new SerialRange(1, 5) < new SerialRange(2, 3));
        Assert.True(new SerialRange(1, 5) < new SerialRange(1, 6));
        Assert.True(new SerialRange(2, 2) > new SerialRange(1, 100));
        Assert.True(new SerialRange(1, 5) <= new SerialRange(1, 5));
        Assert.True(new SerialRange(1, 5) >= new SerialRange(1, 5));
        Assert.Equal(0, new SerialRange(1, 5).CompareTo(new SerialRange(1, 5)));
    }
}
