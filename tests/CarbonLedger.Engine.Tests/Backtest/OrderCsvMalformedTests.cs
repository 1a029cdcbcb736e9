using CarbonLedger.Engine.Backtest;

namespace CarbonLedger.Engine.Tests.Backtest;

/// <summary>Every kind of malformed row: reported on its line with a message naming the column and the form.</summary>
public sealed class OrderCsvMalformedTests
{
    private const string At = "2025-03-03 09:30:00";

    [Theory]
    [InlineData("limit,2025-03-03 09:30:00,CEA-2024,1,1,B,GTC,80.00,100",
        "expected 10 comma-separated fields as in the header, found 9")]
    [InlineData("limit,2025-03-03 09:30:00,CEA-2024,1,1,B,GTC,80,5,100,",
        "expected 10 comma-separated fields as in the header, found 11")]
    [InlineData("lmt,2025-03-03 09:30:00,CEA-2024,1,1,B,GTC,80.00,100,",
        "column 'kind': unknown row kind 'lmt' (expected open_day, close_day, limit, market, pick, cancel or amend)")]
    [InlineData("LIMIT,2025-03-03 09:30:00,CEA-2024,1,1,B,GTC,80.00,100,",
        "column 'kind': unknown row kind 'LIMIT' (expected open_day, close_day, limit, market, pick, cancel or amend)")]
    [InlineData(",,,,,,,,,",
        "column 'kind' is empty (expected open_day, close_day, limit, market, pick, cancel or amend)")]
    [InlineData("limit,2025-03-03 9:30,CEA-2024,1,1,B,GTC,80.00,100,",
        "column 'time': '2025-03-03 9:30' is not a local market time yyyy-MM-dd HH:mm:ss[.fffffffff]")]
    [InlineData("limit,2025-03-03T09:30:00,CEA-2024,1,1,B,GTC,80.00,100,",
        "column 'time': '2025-03-03T09:30:00' is not a local market time yyyy-MM-dd HH:mm:ss[.fffffffff]")]
    [InlineData("limit,2025-02-30 09:30:00,CEA-2024,1,1,B,GTC,80.00,100,",
        "column 'time': '2025-02-30 09:30:00' is not a local market time yyyy-MM-dd HH:mm:ss[.fffffffff]")]
    [InlineData("open_day,2025-03-03 09:30:00,CEA-2024,,,,,80.00,,",
        "column 'time': '2025-03-03 09:30:00' is not a trading date yyyy-MM-dd (an open_day row gives the date only)")]
    [InlineData("limit,2025-03-03 09:30:00,XYZ-2024,1,1,B,GTC,80.00,100,",
        "column 'instrument': unknown instrument 'XYZ-2024' (expected CEA-YYYY, SHEA-YYYY, CCER-YYYY or SHCER-YYYY)")]
    [InlineData("limit,2025-03-03 09:30:00,CEA-1990,1,1,B,GTC,80.00,100,",
        "column 'instrument': instrument 'CEA-1990' has no valid vintage year (2005-2100)")]
    [InlineData("limit,2025-03-03 09:30:00,CEA-2024,abc,1,B,GTC,80.00,100,",
        "column 'order': 'abc' is not an integer (digits with an optional sign)")]
    [InlineData("limit,2025-03-03 09:30:00,CEA-2024,99999999999999999999,1,B,GTC,80.00,100,",
        "column 'order': '99999999999999999999' is out of range (64-bit)")]
    [InlineData("limit,2025-03-03 09:30:00,CEA-2024,1,3000000000,B,GTC,80.00,100,",
        "column 'trader': '3000000000' is out of range (32-bit)")]
    [InlineData("limit,2025-03-03 09:30:00,CEA-2024,1,1.5,B,GTC,80.00,100,",
        "column 'trader': '1.5' is not an integer (digits with an optional sign)")]
    [InlineData("limit,2025-03-03 09:30:00,CEA-2024,1,1,X,GTC,80.00,100,",
        "column 'side': 'X' is not B (buy) or S (sell)")]
    [InlineData("limit,2025-03-03 09:30:00,CEA-2024,1,1,b,GTC,80.00,100,",
        "column 'side': 'b' is not B (buy) or S (sell)")]
    [InlineData("limit,2025-03-03 09:30:00,CEA-2024,1,1,B,GTD,80.00,100,",
        "column 'tif': 'GTD' is not GTC, DAY, IOC or FOK")]
    [InlineData("limit,2025-03-03 09:30:00,CEA-2024,1,1,B,GTC,80.x,100,",
        "column 'price': '80.x' is not a decimal number of yuan per tonne (e.g. 80.00)")]
    [InlineData("limit,2025-03-03 09:30:00,CEA-2024,1,1,B,GTC,.5,100,",
        "column 'price': '.5' is not a decimal number of yuan per tonne (e.g. 80.00)")]
    [InlineData("limit,2025-03-03 09:30:00,CEA-2024,1,1,B,GTC,80.,100,",
        "column 'price': '80.' is not a decimal number of yuan per tonne (e.g. 80.00)")]
    [InlineData("limit,2025-03-03 09:30:00,CEA-2024,1,1,B,GTC,8e1,100,",
        "column 'price': '8e1' is not a decimal number of yuan per tonne (e.g. 80.00)")]
    [InlineData("limit,2025-03-03 09:30:00,CEA-2024,1,1,B,GTC,+80,100,",
        "column 'price': '+80' is not a decimal number of yuan per tonne (e.g. 80.00)")]
    [InlineData("limit,2025-03-03 09:30:00,CEA-2024,1,1,B,GTC,92233720368547758.08,100,",
        "column 'price': '92233720368547758.08' is too large for a price in fen (64-bit)")]
    [InlineData("limit,2025-03-03 09:30:00,CEA-2024,1,1,B,GTC,80.00,ten,",
        "column 'quantity': 'ten' is not a decimal number of tonnes (e.g. 100 or 0.5)")]
    [InlineData("limit,2025-03-03 09:30:00,CEA-2024,1,1,B,GTC,80.00,9223372036854.775808,",
        "column 'quantity': '9223372036854.775808' is too large for a quantity in grams")]
    [InlineData("limit,2025-03-03 09:30:00,CEA-2024,1,1,B,GTC,,100,",
        "column 'price' is empty; a limit row needs the limit price in yuan per tonne, e.g. 80.00")]
    [InlineData("limit,,CEA-2024,1,1,B,GTC,80.00,100,",
        "column 'time' is empty; a limit row needs the local market time yyyy-MM-dd HH:mm:ss[.fffffffff]")]
    [InlineData("market,2025-03-03 09:30:00,CEA-2024,1,1,B,,,100,",
        "column 'tif' is empty; a market row needs GTC, DAY, IOC or FOK")]
    [InlineData("pick,2025-03-03 09:30:00,CEA-2024,1,1,B,,,100,",
        "column 'listing' is empty; a pick row needs the id of the resting order picked (an integer)")]
    [InlineData("cancel,2025-03-03 09:30:00,CEA-2024,,1,,,,,",
        "column 'order' is empty; a cancel row needs the id of the resting order (an integer)")]
    [InlineData("amend,2025-03-03 09:30:00,CEA-2024,1,1,,,80.00,,",
        "column 'quantity' is empty; an amend row needs the new open quantity in tonnes, e.g. 100")]
    [InlineData("limit,2025-03-03 09:30:00,CEA-2024,1,1,B,GTC,80.00,100,5",
        "column 'listing' must be empty in a limit row (found '5')")]
    [InlineData("amend,2025-03-03 09:30:00,CEA-2024,1,1,,GTC,80.00,100,",
        "column 'tif' must be empty in an amend row (found 'GTC')")]
    [InlineData("market,2025-03-03 09:30:00,CEA-2024,1,1,B,IOC,80.00,100,",
        "column 'price' must be empty in a market row (found '80.00')")]
    [InlineData("close_day,2025-03-03,CEA-2024,,,,,,,",
        "column 'time' must be empty in a close_day row (found '2025-03-03')")]
    [InlineData("open_day,2025-03-03,CEA-2024,,,,,,,",
        "column 'price' is empty; an open_day row needs the previous close in yuan per tonne, e.g. 80.00")]
    [InlineData("open_day,2025-03-03,CEA-2024,,,,,0,,",
        "column 'price': previous close '0' must be positive")]
    [InlineData("open_day,2025-03-03,CEA-2024,,,,,-80.00,,",
        "column 'price': previous close '-80.00' must be positive")]
    [InlineData("open_day,2025-03-03,CEA-2024,,,,,80.005,,",
        "column 'price': previous close '80.005' is not a whole number of fen")]
    [InlineData("open_day,2025-03-03,CEA-2024,,,,,10000.01,,",
        "column 'price': previous close '10000.01' is above 10000.00 yuan per tonne, the largest accepted")]
    public void Read_MalformedRow_ReportsLineAndSpecificMessage(string row, string message)
    {
        OrderCsvRow read = MatchCsv.ReadOne(row);
        Assert.Equal(2, read.Line);
        Assert.True(read.IsMalformed);
        Assert.Equal(message, read.Error);
    }

    [Fact]
    public void Read_SeveralProblems_ReportsTheFirstColumnInCanonicalOrder()
    {
        OrderCsvRow read = MatchCsv.ReadOne("limit,bad,XYZ-1,x,y,Q,Z,p,q,");
        Assert.StartsWith("column 'time':", read.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MalformedRowsBetweenGoodOnes_KeepTheirOwnLineNumbers()
    {
        List<OrderCsvRow> rows = MatchCsv.Read(MatchCsv.Text(
            $"cancel,{At},CEA-2024,1,1,,,,,",
            $"cancel,{At},CEA-2024,1,1,,,,",
            "# comment",
            $"cancel,{At},CEA-2024,1,1,,,,,",
            $"cancel,{At},CEA-2024,x,1,,,,,"));
        Assert.Equal([2, 3, 5, 6], rows.Select(r => r.Line));
        Assert.Equal([false, true, false, true], rows.Select(r => r.IsMalformed));
    }
}
