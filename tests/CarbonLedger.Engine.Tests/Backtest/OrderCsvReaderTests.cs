using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Rules;
using CarbonLedger.Domain.Trading;
using CarbonLedger.Engine.Backtest;
using NodaTime;

namespace CarbonLedger.Engine.Tests.Backtest;

/// <summary>Reading the order CSV: every row kind, exact amounts, times, headers and physical line numbers.</summary>
public sealed class OrderCsvReaderTests
{
    private static readonly InstrumentId s_cea = InstrumentId.Parse("CEA-2024");

    // 09:30 in Shanghai (UTC+8, no daylight saving) is 01:30 UTC.
    private static readonly Instant s_at = Instant.FromUtc(2025, 3, 3, 1, 30, 0);

    [Fact]
    public void Read_OpenDay_GivesDateAndPreviousCloseInFen()
    {
        OrderCsvRow row = MatchCsv.ReadOne("open_day,2025-03-03,CEA-2024,,,,,80.00,,");
        Assert.Null(row.Error);
        Assert.Equal(MatchRowKind.OpenDay, row.Kind);
        Assert.Equal(2, row.Line);
        Assert.Equal(s_cea, row.Instrument);
        Assert.Equal(new LocalDate(2025, 3, 3), row.Date);
        Assert.Equal(new Price(8000), row.PreviousClose);
    }

    [Fact]
    public void Read_CloseDay_GivesInstrumentOnly()
    {
        OrderCsvRow row = MatchCsv.ReadOne("close_day,,CEA-2024,,,,,,,");
        Assert.Null(row.Error);
        Assert.Equal(MatchRowKind.CloseDay, row.Kind);
        Assert.Equal(s_cea, row.Instrument);
    }

    [Fact]
    public void Read_Limit_BuildsLimitCommand()
    {
        OrderCsvRow row = MatchCsv.ReadOne("limit,2025-03-03 09:30:00,CEA-2024,1001,11,S,GTC,80.50,500,");
        Assert.Null(row.Error);
        Assert.Equal(
            OrderCommand.Limit(s_cea, new OrderId(1001), new TraderId(11), Side.Sell, new Price(8050),
                Co2e.FromTonnes(500), TimeInForce.Gtc, s_at),
            row.Command);
        Assert.False(row.HasSubUnitAmount);
    }

    [Fact]
    public void Read_Market_BuildsMarketCommand()
    {
        OrderCsvRow row = MatchCsv.ReadOne("market,2025-03-03 09:30:00,CEA-2024,7,3,B,FOK,,20,");
        Assert.Equal(
            OrderCommand.Market(s_cea, new OrderId(7), new TraderId(3), Side.Buy, Co2e.FromTonnes(20),
                TimeInForce.Fok, s_at),
            row.Command);
    }

    [Fact]
    public void Read_Pick_BuildsPickCommand()
    {
        OrderCsvRow row = MatchCsv.ReadOne("pick,2025-03-03 09:30:00,CEA-2024,8,4,B,,,300,1004");
        Assert.Equal(
            OrderCommand.Pick(s_cea, new OrderId(8), new TraderId(4), Side.Buy, new OrderId(1004),
                Co2e.FromTonnes(300), s_at),
            row.Command);
    }

    [Fact]
    public void Read_Cancel_BuildsCancelCommand()
    {
        OrderCsvRow row = MatchCsv.ReadOne("cancel,2025-03-03 09:30:00,CEA-2024,1003,13,,,,,");
        Assert.Equal(OrderCommand.Cancel(s_cea, new OrderId(1003), new TraderId(13), s_at), row.Command);
    }

    [Fact]
    public void Read_Amend_BuildsAmendCommand()
    {
        OrderCsvRow row = MatchCsv.ReadOne("amend,2025-03-03 09:30:00,CEA-2024,1004,14,,,80.90,700,");
        Assert.Equal(
            OrderCommand.Amend(s_cea, new OrderId(1004), new TraderId(14), new Price(8090), Co2e.FromTonnes(700),
                s_at),
            row.Command);
    }

    [Theory]
    [InlineData("80.00", 8000)]
    [InlineData("80", 8000)]
    [InlineData("80.5", 8050)]
    [InlineData("80.010", 8001)]
    [InlineData("80.0100000000000000000000", 8001)]
    [InlineData("0.01", 1)]
    [InlineData("0", 0)]
    [InlineData("-1.25", -125)]
    public void Read_Price_IsExactWholeFen(string text, long fen)
    {
        OrderCsvRow row = MatchCsv.ReadOne($"limit,2025-03-03 09:30:00,CEA-2024,1,1,B,GTC,{text},1,");
        Assert.Null(row.Error);
        Assert.Equal(new Price(fen), row.Command.Price);
        Assert.False(row.Price.HasRemainder);
    }

    [Theory]
    [InlineData("80.005", 8000)]
    [InlineData("80.019", 8001)]
    [InlineData("0.001", 0)]
    public void Read_PriceBelowTheFen_IsFlaggedNotRounded(string text, long truncatedFen)
    {
        OrderCsvRow row = MatchCsv.ReadOne($"limit,2025-03-03 09:30:00,CEA-2024,1,1,B,GTC,{text},1,");
        Assert.Null(row.Error);
        Assert.True(row.Price.HasRemainder);
        Assert.True(row.HasSubUnitAmount);
        Assert.Equal(truncatedFen, row.Command.Price.FenPerTonne);
    }

    [Theory]
    [InlineData("1.5", 1_500_000, false)]
    [InlineData("100", 100_000_000, false)]
    [InlineData("0.000001", 1, false)]
    [InlineData("2.0000000", 2_000_000, false)]
    [InlineData("1.0000005", 1_000_000, true)]
    public void Read_Quantity_IsExactGrams(string text, long grams, bool belowGram)
    {
        OrderCsvRow row = MatchCsv.ReadOne($"limit,2025-03-03 09:30:00,CEA-2024,1,1,B,GTC,80.00,{text},");
        Assert.Null(row.Error);
        Assert.Equal(new Co2e(grams), row.Command.Quantity);
        Assert.Equal(belowGram, row.Quantity.HasRemainder);
    }

    [Fact]
    public void Read_TimeWithNanoseconds_IsExactInstant()
    {
        OrderCsvRow row = MatchCsv.ReadOne("cancel,2025-03-03 09:30:01.123456789,CEA-2024,1,1,,,,,");
        Assert.Equal(s_at + Duration.FromSeconds(1) + Duration.FromNanoseconds(123_456_789), row.Command.At);
    }

    [Fact]
    public void Read_FieldsWithSpacesAndCrLf_AreTrimmed()
    {
        List<OrderCsvRow> rows = MatchCsv.Read(
            OrderCsvColumns.Header + "\r\n limit , 2025-03-03 09:30:00 ,CEA-2024, 1 ,1,B,GTC,\t80.00,1,\r\n");
        OrderCsvRow row = Assert.Single(rows);
        Assert.Null(row.Error);
        Assert.Equal(new Price(8000), row.Command.Price);
    }

    [Fact]
    public void Read_CommentsAndBlankLines_KeepPhysicalLineNumbers()
    {
        string csv = "# a comment before the header\n\n" + OrderCsvColumns.Header + "\n" +
            "open_day,2025-03-03,CEA-2024,,,,,80.00,,\n" +
            "   # an indented comment\n" +
            "\n" +
            "  \t \n" +
            "cancel,2025-03-03 09:30:00,CEA-2024,1,1,,,,,\n" +
            "# the end\n" +
            "lmt,,,,,,,,,\n";
        List<OrderCsvRow> rows = MatchCsv.Read(csv);
        Assert.Equal([4, 8, 10], rows.Select(r => r.Line));
        Assert.NotNull(rows[2].Error);
    }

    [Fact]
    public void Read_ColumnsInAnotherOrder_AreMappedByName()
    {
        string csv = "listing,quantity,price,tif,side,trader,order,instrument,time,kind\n" +
            ",500,80.50,GTC,S,11,1001,CEA-2024,2025-03-03 09:30:00,limit\n";
        OrderCsvRow row = Assert.Single(MatchCsv.Read(csv));
        Assert.Null(row.Error);
        Assert.Equal(new OrderId(1001), row.Command.Order);
        Assert.Equal(new Price(8050), row.Command.Price);
        Assert.Equal(Co2e.FromTonnes(500), row.Command.Quantity);
    }

    [Fact]
    public void Read_ByteOrderMark_IsIgnored()
    {
        OrderCsvRow row = Assert.Single(MatchCsv.Read("\uFEFF" + MatchCsv.Text("close_day,,CEA-2024,,,,,,,")));
        Assert.Null(row.Error);
    }

    [Theory]
    [InlineData("# only a comment\n\n", "the file has no header row")]
    [InlineData("", "the file has no header row")]
    [InlineData("kind,time,instrument,order,trader,side,tif,price,quantity\n",
        "line 1: the header lacks column 'listing'")]
    [InlineData("kind,time,instrument,order,trader,side,tif,price,quantity,listing,note\n",
        "line 1: the header names an unknown column 'note'")]
    [InlineData("# x\nkind,time,instrument,order,trader,side,tif,price,quantity,kind\n",
        "line 2: the header names column 'kind' twice")]
    public void Read_BadHeader_ThrowsFormatExceptionNamingTheProblem(string csv, string expected)
    {
        var e = Assert.Throws<OrderCsvFormatException>(() => MatchCsv.Read(csv));
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Rows_UseTheZoneGiven()
    {
        var reader = new OrderCsvReader(DateTimeZone.Utc);
        OrderCsvRow row = Assert.Single(reader.Read(new StringReader(
            MatchCsv.Text("cancel,2025-03-03 09:30:00,CEA-2024,1,1,,,,,"))));
        Assert.Equal(Instant.FromUtc(2025, 3, 3, 9, 30, 0), row.Command.At);
        Assert.Same(DefaultRuleBook.Shanghai, DefaultRuleBook.Create().Zone);
    }
}
