namespace CarbonLedger.Engine.Tests.Cli;

/// <summary>
/// <c>compliance simulate</c>, <c>compliance --year</c> and <c>report</c> as a user runs them, on the embedded
/// PostgreSQL without configuration.
/// </summary>
public sealed class ComplianceCliTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"carbonledger-mrv-{Guid.NewGuid():N}");

    private Dictionary<string, string?> NoConfiguration => new()
    {
        ["CARBONLEDGER_CONNECTION"] = null,
        ["CARBONLEDGER_DATA"] = Path.Combine(_data, "pgdata"),
    };

    [Fact]
    public async Task ComplianceAndReport_SimulatedYear_ListsEveryEnterpriseAndRendersTheTrace()
    {
        CliProcess.Result simulated = await CliProcess.RunAsync(NoConfiguration,
            "compliance", "simulate", "--year", "2022", "--enterprises", "12", "--seed", "7", "--schema", "mrv_cli");
        Assert.True(simulated.ExitCode == 0, simulated.Output + simulated.Error);

        CliProcess.Result listed = await CliProcess.RunAsync(NoConfiguration,
            "compliance", "--year", "2022", "--schema", "mrv_cli");
        Assert.True(listed.ExitCode == 0, listed.Output + listed.Error);
        for (int i = 1; i <= 12; i++)
        {
            Assert.Contains($"PLANT-{i:D3}", listed.Output, StringComparison.Ordinal);
        }

        Assert.Contains("compliant", listed.Output, StringComparison.Ordinal);
        Assert.Contains("short", listed.Output, StringComparison.Ordinal);

        string file = Path.Combine(_data, "plant-001.md");
        CliProcess.Result report = await CliProcess.RunAsync(NoConfiguration,
            "report", "--enterprise", "PLANT-001", "--year", "2022", "--schema", "mrv_cli", "--out", file);
        Assert.True(report.ExitCode == 0, report.Output + report.Error);
        string markdown = await File.ReadAllTextAsync(file);
        Assert.Contains("# Annual emission report — PLANT-001, 2022", markdown, StringComparison.Ordinal);
        Assert.Contains("FC × NCV × CC × OF × 44/12", markdown, StringComparison.Ordinal);
        Assert.Contains("`GridEmission/CN-GRID/2022/v1`", markdown, StringComparison.Ordinal);
        Assert.Contains("2022-12 purchased electricity", markdown, StringComparison.Ordinal);
        Assert.Contains("## Compliance", markdown, StringComparison.Ordinal);
        Assert.Contains("2022-01 fuel COAL-BITUMINOUS", report.Output, StringComparison.Ordinal);

        CliProcess.Result whatIf = await CliProcess.RunAsync(NoConfiguration,
            "audit", "what-if", "--year", "2022", "--offset-cap", "0.01", "--schema", "mrv_cli");
        Assert.True(whatIf.ExitCode == 0, whatIf.Output + whatIf.Error);
        Assert.Contains("What if, 2022", whatIf.Output, StringComparison.Ordinal);
        Assert.Contains("→", whatIf.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no emission report for PLANT-999 in 2022", 2, "report", "--enterprise", "PLANT-999", "--year", "2022",
        "--schema", "mrv_empty")]
    [InlineData("--year must be between 2013 and 2100", 1, "compliance", "--year", "1999")]
    [InlineData("--enterprise 'A B' must be", 1, "report", "--enterprise", "A B", "--year", "2022")]
    [InlineData("no compliance rules and plan for 2030", 1, "compliance", "simulate", "--year", "2030")]
    [InlineData("no compliance rules for 2030", 1, "audit", "what-if", "--year", "2030")]
    [InlineData("--offset-cap '2' must be a decimal share", 1, "audit", "what-if", "--year", "2022", "--offset-cap",
        "2")]
    public async Task Cli_BadComplianceArguments_ClearMessageAndExitCode(
        string expected, int code, params string[] args)
    {
        CliProcess.Result result = await CliProcess.RunAsync(NoConfiguration, args);

        Assert.Equal(code, result.ExitCode);
        Assert.Contains(expected, result.Output + result.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
