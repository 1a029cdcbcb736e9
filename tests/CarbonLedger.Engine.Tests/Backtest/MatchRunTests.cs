using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Rules;
using CarbonLedger.Domain.Trading;
using CarbonLedger.Engine.Backtest;
using NodaTime;

namespace CarbonLedger.Engine.Tests.Backtest;

/// <summary>Running rows through the books: outputs, rejections, day changes and malformed rows.</summary>
public sealed class MatchRunTests
{
    private const string OpenDay = "open_day,2025-03-03,CEA-2024,,,,,80.00,,";
    private const string At = "2025-03-03 10:00:00";

    [Fact]
    public void Run_CrossingOrders_FillsAtMakersPriceInPriorityOrder()
    {
        MatchCsv.Result result = MatchCsv.Run(MatchCsv.Text(
            OpenDay,
            $"limit,{At},CEA-2024,1,1,S,GTC,80.50,500,",
            $"limit,{At},CEA-2024,2,2,S,GTC,80.60,300,",
            $"limit,{At},CEA-2024,3,3,B,GTC,80.60,600,"));
        Assert.Equal(
            [
                "3,limit,CEA-2024,accepted,1,1,S,80.50,500.000000,,,,,,,,,",
                "3,limit,CEA-2024,rested,1,1,S,80.50,500.000000,,,,,,,,,",
                "4,limit,CEA-2024,accepted,2,2,S,80.60,300.000000,,,,,,,,,",
                "4,limit,CEA-2024,rested,2,2,S,80.60,300.000000,,,,,,,,,",
                "5,limit,CEA-2024,accepted,3,3,B,80.60,600.000000,,,,,,,,,",
                "5,limit,CEA-2024,fill,3,3,B,80.50,500.000000,100.000000,1,1,0.000000,1,,,,",
                "5,limit,CEA-2024,done,1,1,S,,,,,,,,,,,",
                "5,limit,CEA-2024,fill,3,3,B,80.60,100.000000,0.000000,2,2,200.000000,2,,,,",
                "5,limit,CEA-2024,done,3,3,B,,,,,,,,,,,",
            ],
            result.Lines);
        Assert.All(result.Lines, l => Assert.Equal(18, l.Split(',').Length));
        Assert.Equal(2, result.Summary.Fills);
        Assert.Equal(3, result.Summary.Commands);
        MatchSummary.BookState book = Assert.Single(result.Summary.Books);
        Assert.Equal(1, book.Resting);
        Assert.Equal("", result.Errors);
    }

    [Fact]
    public void Run_MarketPickAmendCancel_WriteTheirOutputs()
    {
        MatchCsv.Result result = MatchCsv.Run(MatchCsv.Text(
            OpenDay,
            $"limit,{At},CEA-2024,1,1,S,GTC,80.50,500,",
            $"market,{At},CEA-2024,2,2,B,IOC,,100,",
            $"pick,{At},CEA-2024,3,3,B,,,50,1",
            $"amend,{At},CEA-2024,1,1,,,80.50,300,",
            $"cancel,{At},CEA-2024,1,9,,,,,",
            $"cancel,{At},CEA-2024,1,1,,,,,"));
        Assert.Equal(
            [
                "4,market,CEA-2024,accepted,2,2,B,0.00,100.000000,,,,,,,,,",
                "4,market,CEA-2024,fill,2,2,B,80.50,100.000000,0.000000,1,1,400.000000,1,,,,",
                "4,market,CEA-2024,done,2,2,B,,,,,,,,,,,",
                "5,pick,CEA-2024,accepted,3,3,B,80.50,50.000000,,,,,,,,,",
                "5,pick,CEA-2024,fill,3,3,B,80.50,50.000000,0.000000,1,1,350.000000,2,,,,",
                "5,pick,CEA-2024,done,3,3,B,,,,,,,,,,,",
                "6,amend,CEA-2024,amended,1,1,S,80.50,300.000000,,,,,,,,true,",
                "7,cancel,CEA-2024,rejected,1,9,,,,,,,,,NotOrderOwner,,,",
                "8,cancel,CEA-2024,cancelled,1,1,S,80.50,300.000000,,,,,,,Requested,,",
            ],
            result.Lines.Skip(2));
    }

    [Fact]
    public void Run_NoBookForInstrument_RejectsWithUnknownInstrument()
    {
        MatchCsv.Result result = MatchCsv.Run(MatchCsv.Text(
            OpenDay,
            $"limit,{At},CEA-2023,1,7,B,GTC,80.00,100,",
            $"limit,{At},SHEA-2024,2,7,S,GTC,80.005,100,"));
        Assert.Equal(
            [
                "3,limit,CEA-2023,rejected,1,7,B,,,,,,,,UnknownInstrument,,,",
                "4,limit,SHEA-2024,rejected,2,7,S,,,,,,,,UnknownInstrument,,,",
            ],
            result.Lines);
        Assert.Equal(2, result.Summary.Rejections[OrderRejection.UnknownInstrument]);
    }

    [Fact]
    public void Run_PriceBelowTheFen_IsRejectedPriceOffTickAndNothingRests()
    {
        MatchCsv.Result result = MatchCsv.Run(MatchCsv.Text(OpenDay, $"limit,{At},CEA-2024,1,7,B,GTC,80.005,100,"));
        Assert.Equal(["3,limit,CEA-2024,rejected,1,7,B,,,,,,,,PriceOffTick,,,"], result.Lines);
        Assert.Equal(0, Assert.Single(result.Summary.Books).Resting);
        Assert.Equal(0, result.Summary.Malformed);
    }

    [Fact]
    public void Run_TrailingZeroBelowTheFen_IsTheExactFenPrice()
    {
        MatchCsv.Result result = MatchCsv.Run(MatchCsv.Text(OpenDay, $"limit,{At},CEA-2024,1,7,B,GTC,80.010,100,"));
        Assert.Equal("3,limit,CEA-2024,accepted,1,7,B,80.01,100.000000,,,,,,,,,", result.Lines[0]);
        Assert.Equal("3,limit,CEA-2024,rested,1,7,B,80.01,100.000000,,,,,,,,,", result.Lines[1]);
    }

    [Theory]
    [InlineData("1.5", "QuantityNotLotMultiple")]
    [InlineData("1.0000005", "QuantityNotLotMultiple")]
    [InlineData("-0.0000001", "QuantityNotPositive")]
    [InlineData("0", "QuantityNotPositive")]
    [InlineData("100000", "QuantityAboveMaximum")]
    public void Run_QuantityNotWholeLots_IsRejectedWithTheBooksCode(string quantity, string code)
    {
        MatchCsv.Result result = MatchCsv.Run(MatchCsv.Text(
            OpenDay, $"limit,{At},CEA-2024,1,7,B,GTC,80.00,{quantity},"));
        Assert.Equal([$"3,limit,CEA-2024,rejected,1,7,B,,,,,,,,{code},,,"], result.Lines);
    }

    [Fact]
    public void Run_LaterOpenDay_ExpiresDayOrdersAndCancelsOrdersOutsideTheNewBand()
    {
        MatchCsv.Result result = MatchCsv.Run(MatchCsv.Text(
            OpenDay,
            $"limit,{At},CEA-2024,1,1,B,DAY,80.00,10,",
            $"limit,{At},CEA-2024,2,2,S,GTC,81.00,10,",
            $"limit,{At},CEA-2024,3,3,B,GTC,75.00,10,",
            "open_day,2025-03-04,CEA-2024,,,,,70.00,,"));
        Assert.Equal(
            [
                "6,open_day,CEA-2024,cancelled,1,1,B,80.00,10.000000,,,,,,,Expired,,",
                "6,open_day,CEA-2024,cancelled,2,2,S,81.00,10.000000,,,,,,,PriceNoLongerValid,,",
            ],
            result.Lines.Skip(6));
        Assert.Equal(2, result.Summary.DayRows);
        Assert.Equal(1, Assert.Single(result.Summary.Books).Resting);
    }

    [Fact]
    public void Run_CloseDay_ExpiresDayOrders()
    {
        MatchCsv.Result result = MatchCsv.Run(MatchCsv.Text(
            OpenDay, $"limit,{At},CEA-2024,1,1,B,DAY,80.00,10,", "close_day,,CEA-2024,,,,,,,"));
        Assert.Equal("4,close_day,CEA-2024,cancelled,1,1,B,80.00,10.000000,,,,,,,Expired,,", result.Lines[^1]);
    }

    [Theory]
    [InlineData("open_day,2025-03-03,CEA-2024,,,,,81.00,,",
        "column 'time': 2025-03-03 is not after 2025-03-03, the current trading day of CEA-2024")]
    [InlineData("open_day,2025-03-01,CEA-2024,,,,,81.00,,",
        "column 'time': 2025-03-01 is not after 2025-03-03, the current trading day of CEA-2024")]
    [InlineData("open_day,2020-01-02,CEA-2023,,,,,81.00,,",
        "column 'time': no listed market rules for CEA-2023 are in force on 2020-01-02")]
    [InlineData("close_day,,SHEA-2024,,,,,,,",
        "column 'instrument': SHEA-2024 has no book to close (no open_day row before this one)")]
    public void Run_DayRowTheBooksCannotTake_IsMalformedAndChangesNothing(string row, string message)
    {
        MatchCsv.Result result = MatchCsv.Run(MatchCsv.Text(OpenDay, $"limit,{At},CEA-2024,1,1,B,DAY,80.00,10,", row));
        Assert.Equal($"4,{row[..row.IndexOf(',', StringComparison.Ordinal)]},,malformed,,,,,,,,,,,,,,{message}",
            result.Lines[^1].Replace("\"", "", StringComparison.Ordinal));
        Assert.Equal($"line 4: {message}\n", result.Errors);
        Assert.Equal(1, result.Summary.Malformed);
        Assert.Equal(1, result.Summary.DayRows);
        Assert.Equal(1, Assert.Single(result.Summary.Books).Resting);
    }

    [Fact]
    public void Run_MalformedRow_IsWrittenToOutputAndErrorsAndTheNextRowRuns()
    {
        MatchCsv.Result result = MatchCsv.Run(MatchCsv.Text(
            OpenDay,
            $"limit,{At},CEA-2024,1,1,X,GTC,80.00,10,",
            "",
            $"limit,{At},CEA-2024,2,1,B,GTC,80.00,10,"));
        Assert.Equal(
            [
                "3,limit,,malformed,,,,,,,,,,,,,,column 'side': 'X' is not B (buy) or S (sell)",
                "5,limit,CEA-2024,accepted,2,1,B,80.00,10.000000,,,,,,,,,",
                "5,limit,CEA-2024,rested,2,1,B,80.00,10.000000,,,,,,,,,",
            ],
            result.Lines);
        Assert.Equal("line 3: column 'side': 'X' is not B (buy) or S (sell)\n", result.Errors);
        Assert.Equal(3, result.Summary.Rows);
        Assert.Equal(1, result.Summary.Commands);
        Assert.Equal(1, result.Summary.Malformed);
    }

    [Fact]
    public void Run_MessageWithCommasOrQuotes_IsQuotedInTheOutput()
    {
        MatchCsv.Result result = MatchCsv.Run(MatchCsv.Text("\"x\",,,,,,,,,"));
        Assert.Equal(
            "2,,,malformed,,,,,,,,,,,,,,\"column 'kind': unknown row kind '\"\"x\"\"' " +
            "(expected open_day, close_day, limit, market, pick, cancel or amend)\"",
            Assert.Single(result.Lines));
    }

    [Fact]
    public void Run_BadHeader_ThrowsBeforeWritingAnything()
    {
        var output = new StringWriter();
        Assert.Throws<OrderCsvFormatException>(() =>
            MatchRun.Run(new StringReader("kind,time\nlimit,x\n"), output, new StringWriter()));
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void Summary_Format_ListsCountsRejectionsByCodeAndBooks()
    {
        MatchCsv.Result result = MatchCsv.Run(MatchCsv.Text(
            "open_day,2025-03-03,SHEA-2024,,,,,40.00,,",
            OpenDay,
            $"limit,{At},CEA-2024,1,1,S,GTC,80.00,10,",
            $"limit,{At},CEA-2024,2,2,B,IOC,80.00,4,",
            $"limit,{At},CEA-2024,3,2,B,GTC,80.005,4,",
            $"limit,2025-03-03 12:00:00,CEA-2024,4,2,B,GTC,80.00,4,",
            $"limit,2025-03-03 12:00:00,CEA-2024,5,2,B,GTC,80.00,4,",
            "bad,,,,,,,,,"));
        string[] lines = result.Summary.Format().Split('\n');
        Assert.Equal("rows read: 8 (5 commands, 2 day rows, 1 malformed)", lines[0]);
        Assert.Equal("events written: 8", lines[1]);
        Assert.Equal("fills: 1", lines[2]);
        Assert.Equal("rejections: 3 (OutsideSession 2, PriceOffTick 1)", lines[3]);
        Assert.Equal("malformed rows: 1", lines[4]);
        Assert.Equal($"CEA-2024: 1 resting, state hash {SameBookBuiltDirectly()}", lines[5]);
        Assert.Matches("^SHEA-2024: 0 resting, state hash [0-9a-f]{64}$", lines[6]);
        Assert.Equal("", lines[7]);
    }

    /// <summary>The state hash of the CEA book of the summary test, built without the CSV.</summary>
    private static string SameBookBuiltDirectly()
    {
        var cea = InstrumentId.Parse("CEA-2024");
        var book = new OrderBook(cea, TradingDay.From(
            DefaultRuleBook.Create(), cea, TradingMode.Listed, new LocalDate(2025, 3, 3), new Price(8000)));
        var output = new BookOutput();
        Instant at = Instant.FromUtc(2025, 3, 3, 2, 0, 0);
        book.Execute(OrderCommand.Limit(cea, new OrderId(1), new TraderId(1), Side.Sell, new Price(8000),
            Co2e.FromTonnes(10), TimeInForce.Gtc, at), output);
        book.Execute(OrderCommand.Limit(cea, new OrderId(2), new TraderId(2), Side.Buy, new Price(8000),
            Co2e.FromTonnes(4), TimeInForce.Ioc, at), output);
        return BookSnapshot.Hash(book.Snapshot());
    }
}
