namespace CarbonLedger.Engine.Tests.Cli;

/// <summary>
/// <c>carbonledger match</c> as a user runs it: a separate process, no configuration. It works in memory,
/// so it must never start PostgreSQL (the temporary CARBONLEDGER_DATA must stay absent).
/// </summary>
public sealed class MatchCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("carbonledger-match-cli-").FullName;

    private Dictionary<string, string?> NoConfiguration => new()
    {
        ["CARBONLEDGER_CONNECTION"] = null,
        ["CARBONLEDGER_DATA"] = Path.Combine(_folder, "pgdata"),
    };

    [Fact]
    public async Task Match_SmallFile_ExitsZeroPrintsSummaryAndWritesRows()
    {
        string orders = Path.Combine(_folder, "orders.csv");
        string output = Path.Combine(_folder, "out.csv");
        await File.WriteAllTextAsync(orders,
            "kind,time,instrument,order,trader,side,tif,price,quantity,listing\n" +
            "open_day,2025-03-03,CEA-2024,,,,,80.00,,\n" +
            "limit,2025-03-03 09:30:00,CEA-2024,1,11,S,GTC,80.50,500,\n" +
            "# a buyer lifts part of the offer\n" +
            "limit,2025-03-03 09:31:00,CEA-2024,2,21,B,IOC,80.50,200,\n" +
            "limit,2025-03-03 09:32:00,CEA-2024,3,21,B,GTC,80.005,200,\n" +
            "limit,2025-03-03 09:33:00,CEA-2024,4,21,Z,GTC,80.00,200,\n");

        CliProcess.Result result =
            await CliProcess.RunAsync(NoConfiguration, "match", "--orders", orders, "--out", output);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("rows read: 5 (3 commands, 1 day rows, 1 malformed)", result.Output, StringComparison.Ordinal);
        Assert.Contains("fills: 1", result.Output, StringComparison.Ordinal);
        Assert.Contains("rejections: 1 (PriceOffTick 1)", result.Output, StringComparison.Ordinal);
        Assert.Matches("CEA-2024: 1 resting, state hash [0-9a-f]{64}", result.Output);
        Assert.Contains(
            "line 7: column 'side': 'Z' is not B (buy) or S (sell)", result.Error, StringComparison.Ordinal);
        string[] rows = await File.ReadAllLinesAsync(output);
        Assert.Equal(
            [
                "line,command,instrument,kind,order,trader,side,price,quantity,remaining,counterparty," +
                "counter_trader,counter_remaining,trade_id,rejection,reason,priority_kept,message",
                "3,limit,CEA-2024,accepted,1,11,S,80.50,500.000000,,,,,,,,,",
                "3,limit,CEA-2024,rested,1,11,S,80.50,500.000000,,,,,,,,,",
                "5,limit,CEA-2024,accepted,2,21,B,80.50,200.000000,,,,,,,,,",
                "5,limit,CEA-2024,fill,2,21,B,80.50,200.000000,0.000000,1,11,300.000000,1,,,,",
                "5,limit,CEA-2024,done,2,21,B,,,,,,,,,,,",
                "6,limit,CEA-2024,rejected,3,21,B,,,,,,,,PriceOffTick,,,",
                "7,limit,,malformed,,,,,,,,,,,,,,column 'side': 'Z' is not B (buy) or S (sell)",
            ],
            rows);
        Assert.False(Directory.Exists(Path.Combine(_folder, "pgdata")), "match must not start a database");
    }

    [Fact]
    public async Task Match_MissingInputFile_ExitsOneAndCreatesNoOutput()
    {
        string output = Path.Combine(_folder, "out.csv");
        CliProcess.Result result = await CliProcess.RunAsync(
            NoConfiguration, "match", "--orders", Path.Combine(_folder, "missing.csv"), "--out", output);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("missing.csv: the file does not exist", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public async Task Match_BadHeader_ExitsTwoAndCreatesNoOutput()
    {
        string orders = Path.Combine(_folder, "orders.csv");
        await File.WriteAllTextAsync(orders, "kind,time,instrument\nopen_day,2025-03-03,CEA-2024\n");
        CliProcess.Result result = await CliProcess.RunAsync(
            NoConfiguration, "match", "--orders", orders, "--out", Path.Combine(_folder, "out.csv"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("line 1: the header lacks column 'order'", result.Error, StringComparison.Ordinal);
        Assert.Equal([orders], Directory.GetFileSystemEntries(_folder));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
