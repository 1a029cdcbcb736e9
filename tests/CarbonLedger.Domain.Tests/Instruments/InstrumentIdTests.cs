using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Tests.Instruments;

public sealed class InstrumentIdTests
{
    [Theory]
    [InlineData("CEA-2024", Programme.Cea, 2024, false)]
    [InlineData("SHEA-2024", Programme.Shea, 2024, false)]
    [InlineData("CCER-2023", Programme.Ccer, 2023, true)]
    [InlineData("SHCER-2025", Programme.Shcer, 2025, true)]
    [InlineData("CEA-2005", Programme.Cea, 2005, false)]
    [InlineData("CEA-2100", Programme.Cea, 2100, false)]
    public void Parse_CanonicalText_RoundTrips(string text, Programme programme, int year, bool serialNumbered)
    {
        InstrumentId id = InstrumentId.Parse(text);
        Assert.Equal(new InstrumentId(programme, Vintage.Of(year)), id);
        Assert.Equal(serialNumbered, id.IsSerialNumbered);
        Assert.Equal(text, id.ToString());
    }

    [Theory]
    [InlineData("cea-2024", "CEA-2024")]
    [InlineData("Ccer-2023", "CCER-2023")]
    public void Parse_LowerCaseProgramme_IsCaseInsensitive(string text, string canonical)
    {
        Assert.Equal(canonical, InstrumentId.Parse(text).ToString());
    }

    [Theory]
    [InlineData("", "instrument id is empty (expected e.g. CEA-2024)")]
    [InlineData("   ", "instrument id is empty (expected e.g. CEA-2024)")]
    [InlineData("XYZ-2024", "unknown instrument 'XYZ-2024' (expected CEA-YYYY, SHEA-YYYY, CCER-YYYY or SHCER-YYYY)")]
    [InlineData("CEA2024", "unknown instrument 'CEA2024' (expected CEA-YYYY, SHEA-YYYY, CCER-YYYY or SHCER-YYYY)")]
    [InlineData("-2024", "unknown instrument '-2024' (expected CEA-YYYY, SHEA-YYYY, CCER-YYYY or SHCER-YYYY)")]
    [InlineData("CEA-1990", "instrument 'CEA-1990' has no valid vintage year (2005-2100)")]
    [InlineData("CEA-2101", "instrument 'CEA-2101' has no valid vintage year (2005-2100)")]
    [InlineData("CEA-abcd", "instrument 'CEA-abcd' has no valid vintage year (2005-2100)")]
    [InlineData("CEA-", "instrument 'CEA-' has no valid vintage year (2005-2100)")]
    public void Parse_BadText_ThrowsFormatExceptionNamingTheProblem(string text, string message)
    {
        FormatException e = Assert.Throws<FormatException>(() => InstrumentId.Parse(text));
        Assert.Equal(message, e.Message);
        Assert.False(InstrumentId.TryParse(text, out InstrumentId id, out string? error));
        Assert.Equal(message, error);
        Assert.Equal(default, id);
    }

    [Fact]
    public void TryParse_Null_FailsWithEmptyMessage()
    {
        Assert.False(InstrumentId.TryParse(null, out _, out string? error));
        Assert.Contains("empty", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_ValidText_ReturnsNoError()
    {
        Assert.True(InstrumentId.TryParse("SHEA-2030", out InstrumentId id, out string? error));
        Assert.Null(error);
        Assert.Equal(Programme.Shea, id.Programme);
    }

    [Fact]
    public void Comparison_ByProgrammeThenVintage_OrdersInstruments()
    {
        InstrumentId[] sorted = [InstrumentId.Parse("CEA-2024"), InstrumentId.Parse("CEA-2025"),
            InstrumentId.Parse("SHEA-2020"), InstrumentId.Parse("CCER-2023"), InstrumentId.Parse("SHCER-2006")];
        InstrumentId[] shuffled = [sorted[3], sorted[1], sorted[4], sorted[0], sorted[2]];
        Assert.Equal(sorted, shuffled.Order().ToArray());
        Assert.True(sorted[0] < sorted[1]);
        Assert.True(sorted[2] > sorted[1]);
        Assert.True(sorted[0] <= InstrumentId.Parse("CEA-2024"));
        Assert.True(sorted[4] >= sorted[3]);
    }
}
