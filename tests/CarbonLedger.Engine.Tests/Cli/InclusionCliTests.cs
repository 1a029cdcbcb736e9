namespace CarbonLedger.Engine.Tests.Cli;

/// <summary><c>inclusion register / ingest / totals / points</c> as a user runs them, without configuration.</summary>
public sealed class InclusionCliTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"carbonledger-incl-{Guid.NewGuid():N}");

    private Dictionary<string, string?> NoConfiguration => new()
    {
        ["CARBONLEDGER_CONNECTION"] = null,
        ["CARBONLEDGER_DATA"] = Path.Combine(_data, "pgdata"),
    };

    [Fact]
    public async Task Inclusion_CsvAndNdjsonBatches_RecordedRefusedByLineAndCounted()
    {
        Directory.CreateDirectory(_data);
        string csv = Path.Combine(_data, "metro.csv");
        await File.WriteAllLinesAsync(csv,
        [
            "behaviour_id,person,scenario,activity,at",
            "T-1,P-1,SH-METRO,20,2026-03-10T08:15:00+08:00",
            "T-2,P-1,SH-METRO,abc,2026-03-10T08:15:00+08:00",
            "T-3,P-UNKNOWN,SH-METRO,5,2026-03-11T08:15:00+08:00",
            "T-1,P-1,SH-METRO,20,2026-03-10T08:15:00+08:00",
        ]);
        string ndjson = Path.Combine(_data, "bike.ndjson");
        await File.WriteAllLinesAsync(ndjson,
        [
            "{\"behaviour_id\":\"T-1\",\"person\":\"P-1\",\"scenario\":\"SH-CYCLING\",\"activity\":\"3\"," +
                "\"at\":\"2026-03-12T07:00:00Z\"}",
            "{\"behaviour_id\":\"T-9\",\"person\":\"P-1\",\"scenario\":\"SH-CYCLING\",\"activity\":4," +
                "\"at\":\"2026-03-12T07:30:00Z\"}",
        ]);

        await Ok("inclusion", "register", "--platform", "METRO-APP", "--person", "P-1");
        await Ok("inclusion", "register", "--platform", "BIKE-APP", "--person", "P-1");
        string metro = await Ok("inclusion", "ingest", "--platform", "METRO-APP", "--file", csv, "--period",
            "2026-03");
        string bike = await Ok("inclusion", "ingest", "--platform", "BIKE-APP", "--file", ndjson, "--period",
            "2026-03");
        string again = await Ok("inclusion", "ingest", "--platform", "METRO-APP", "--file", csv, "--period",
            "2026-03");
        string totals = await Ok("inclusion", "totals", "--scenario", "SH-METRO", "--period", "2026-03");
        string points = await Ok("inclusion", "points", "--person", "P-1");

        Assert.Contains("1 recorded", metro, StringComparison.Ordinal);
        Assert.Contains("4101 Malformed", metro, StringComparison.Ordinal);
        Assert.Contains("4203 PersonUnknown", metro, StringComparison.Ordinal);
        Assert.Contains("4304 DuplicateInBatch", metro, StringComparison.Ordinal);
        Assert.Contains("4305 DuplicateRecorded", bike, StringComparison.Ordinal);
        Assert.Contains("ingested before", again, StringComparison.Ordinal);
        Assert.Contains("1 behaviours, 3,200 g", totals, StringComparison.Ordinal);
        Assert.Contains("P-1: 0 points", points, StringComparison.Ordinal); // credited when a period is confirmed
    }

    [Theory]
    [InlineData("--period '2026-13' must be a month", "inclusion", "totals", "--scenario", "SH-METRO", "--period",
        "2026-13")]
    public async Task Inclusion_BadPeriod_ExitOneWithMessage(string expected, params string[] args)
    {
        CliProcess.Result result = await CliProcess.RunAsync(NoConfiguration, args);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Output + result.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private async Task<string> Ok(params string[] args)
    {
        CliProcess.Result result = await CliProcess.RunAsync(NoConfiguration, args);
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        return result.Output;
    }
}
