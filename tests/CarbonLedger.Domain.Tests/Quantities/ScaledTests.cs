using System.Globalization;
using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Tests.Quantities;

public sealed class ScaledTests
{
    [Theory]
    [InlineData("21.000", 21000, 3)]
    [InlineData("0.02600", 2600, 5)]
    [InlineData("0.5703", 5703, 4)]
    [InlineData("1000000", 1000000, 0)]
    [InlineData("-3.5", -35, 1)]
    [InlineData("0.000000001", 1, 9)]
    public void Parse_PublishedText_KeepsDigitsAndScale(string text, long units, int scale)
    {
        Scaled value = Scaled.Parse(text);

        Assert.Equal(units, value.Units);
        Assert.Equal(scale, value.Scale);
        Assert.Equal(text, value.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("1e5")]
    [InlineData("1,000")]
    [InlineData(" 1")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("1.2.3")]
    [InlineData("0.0000000001")]
    [InlineData("--1")]
    [InlineData("99999999999999999999")]
    public void TryParse_MalformedText_IsRefused(string text)
    {
        Assert.False(Scaled.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Scaled.Parse(text));
    }

    [Fact]
    public void CompareValue_DifferentScales_ComparesValues()
    {
        Assert.Equal(0, Scaled.Parse("0.70").CompareValue(Scaled.Parse("0.7")));
        Assert.True(Scaled.Parse("0.71").CompareValue(Scaled.Parse("0.7")) > 0);
        Assert.True(Scaled.Parse("-1").CompareValue(Scaled.Parse("0.000001")) < 0);
    }

    [Fact]
    public void DivideHalfUp_RandomFractions_MatchesDecimalOracle()
    {
        // decimal is exact for these sizes: an independent implementation of "round half away from zero".
        var random = new Random(20261128);
        for (int i = 0; i < 100_000; i++)
        {
            long numerator = random.NextInt64(-1_000_000_000_000, 1_000_000_000_000);
            long denominator = random.NextInt64(1, 1_000_000);
            decimal expected = Math.Round((decimal)numerator / denominator, MidpointRounding.AwayFromZero);

            long actual = Rounding.DivideHalfUp(numerator, denominator);

            Assert.True(expected == actual, string.Create(CultureInfo.InvariantCulture,
                $"{numerator}/{denominator}: expected {expected}, got {actual}"));
        }
    }
}
