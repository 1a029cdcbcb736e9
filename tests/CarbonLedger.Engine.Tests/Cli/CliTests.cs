namespace CarbonLedger.Engine.Tests.Cli;

/// <summary>
/// The main job as a user runs it: no configuration (no CARBONLEDGER_CONNECTION), so the CLI starts its own
/// embedded PostgreSQL in its data folder (here a temporary CARBONLEDGER_DATA), and stops it on exit.
/// </summary>
public sealed class CliTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"carbonledger-cli-{Guid.NewGuid():N}");

    private Dictionary<string, string?> NoConfiguration => new()
    {
        ["CARBONLEDGER_CONNECTION"] = null,
        ["CARBONLEDGER_DATA"] = Path.Combine(_data, "pgdata"),
    };

    [Fact]
    public async Task Demo_RunTwiceWithoutConfiguration_ContinuesOnSameDataAndVerifiesChain()
    {
        CliProcess.Result first = await CliProcess.RunAsync(NoConfiguration, "demo");
        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        Assert.Contains("embedded PostgreSQL", first.Output, StringComparison.Ordinal);
        Assert.Contains("RC-000000000010", first.Output, StringComparison.Ordinal);
        Assert.Contains("hash chain intact: 10 events", first.Output, StringComparison.Ordinal);

        CliProcess.Result second = await CliProcess.RunAsync(NoConfiguration, "demo");
        Assert.True(second.ExitCode == 0, second.Output + second.Error);
        Assert.Contains("journal holds 10 events before this run", second.Output, StringComparison.Ordinal);
        Assert.Contains("already applied (#1)", second.Output, StringComparison.Ordinal);
        Assert.Contains("hash chain intact: 16 events", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("rejected", second.Output, StringComparison.Ordinal);

        CliProcess.Result verify = await CliProcess.RunAsync(NoConfiguration, "audit", "verify");
        Assert.Equal(0, verify.ExitCode);
        Assert.Contains("hash chain intact: 16 events", verify.Output, StringComparison.Ordinal);

        CliProcess.Result statement = await CliProcess.RunAsync(NoConfiguration, "statement", "--account", "SH-STEEL-002");
        Assert.Equal(0, statement.ExitCode);
        Assert.Contains("RC-000000000016", statement.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("contains ' '", "statement", "--account", "bad id")]
    [InlineData("account id is empty", "balances", "--account", "")]
    [InlineData("--schema 'Bad-Schema' must be", "statement", "--schema", "Bad-Schema")]
    [InlineData("Unrecognized command or argument 'nonsense'", "nonsense")]
    public async Task Cli_MalformedArguments_ExitOneWithSpecificMessage(string expected, params string[] args)
    {
        CliProcess.Result result = await CliProcess.RunAsync(NoConfiguration, args);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Output + result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_data, "pgdata")), "a malformed command must not start a database");
    }

    [Fact]
    public async Task Statement_UnknownAccount_ExitsTwoNamingTheAccount()
    {
        CliProcess.Result result = await CliProcess.RunAsync(NoConfiguration, "statement", "--account", "NO-SUCH-ACCOUNT");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown account NO-SUCH-ACCOUNT", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Certificate_AfterDemoRetirement_CheckedAgainstTheLedgerAndWrittenAsHtml()
    {
        Assert.Equal(0, (await CliProcess.RunAsync(NoConfiguration, "demo")).ExitCode);
        string file = Path.Combine(_data, "certificate.html");

        CliProcess.Result shown = await CliProcess.RunAsync(NoConfiguration,
            "certificate", "--id", "RC-000000000010", "--out", file);
        CliProcess.Result unknown = await CliProcess.RunAsync(NoConfiguration, "certificate", "--id", "RC-999");

        Assert.True(shown.ExitCode == 0, shown.Output + shown.Error);
        Assert.Contains("checked against the ledger", shown.Output, StringComparison.Ordinal);
        Assert.Contains("hash chain intact", shown.Output, StringComparison.Ordinal);
        string html = await File.ReadAllTextAsync(file);
        Assert.Contains("<h1>Retirement certificate RC-000000000010</h1>", html, StringComparison.Ordinal);
        Assert.Contains("all in the retirement sink", html, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no retirement with certificate id RC-999", unknown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditCheckpoint_PublishedThenVerified_MatchesAndATamperedCheckpointFails()
    {
        Assert.Equal(0, (await CliProcess.RunAsync(NoConfiguration, "demo")).ExitCode);
        string file = Path.Combine(_data, "head.json");

        CliProcess.Result exported = await CliProcess.RunAsync(NoConfiguration, "audit", "checkpoint", "--out", file);
        CliProcess.Result matched = await CliProcess.RunAsync(NoConfiguration, "audit", "verify", "--against", file);
        CliProcess.Result range = await CliProcess.RunAsync(NoConfiguration, "audit", "verify", "--from", "5",
            "--to", "8");
        CliProcess.Result beyond = await CliProcess.RunAsync(NoConfiguration, "audit", "verify", "--from", "100");

        Assert.True(exported.ExitCode == 0, exported.Output + exported.Error);
        Assert.Contains("\"Sequence\": 10", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        Assert.Equal(0, matched.ExitCode);
        Assert.Contains("matches the published checkpoint at sequence 10", matched.Output, StringComparison.Ordinal);
        Assert.Equal(0, range.ExitCode);
        Assert.Contains("hash chain intact: 4 events", range.Output, StringComparison.Ordinal);
        Assert.Equal(1, beyond.ExitCode);
        Assert.Contains("no events in the range 100..end", beyond.Output, StringComparison.Ordinal);

        string text = await File.ReadAllTextAsync(file);
        string hash = System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("Hash").GetString()!;
        await File.WriteAllTextAsync(file, text.Replace(hash, new string('0', hash.Length), StringComparison.Ordinal));
        CliProcess.Result tampered = await CliProcess.RunAsync(NoConfiguration, "audit", "verify", "--against", file);
        Assert.Equal(2, tampered.ExitCode);
        Assert.Contains("no longer has the published hash", tampered.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditRebuildDiff_AfterSimulatedTradingDays_IsEmpty()
    {
        CliProcess.Result simulated = await CliProcess.RunAsync(NoConfiguration,
            "simulate", "--days", "3", "--traders", "12", "--seed", "4", "--schema", "sim_audit");
        Assert.True(simulated.ExitCode == 0, simulated.Output + simulated.Error);

        CliProcess.Result diff = await CliProcess.RunAsync(NoConfiguration, "audit", "rebuild-diff",
            "--schema", "sim_audit");

        Assert.True(diff.ExitCode == 0, diff.Output + diff.Error);
        Assert.Contains("rebuilt equals live", diff.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditExport_NdjsonCsvAndAccount_EveryEventWithItsHashAndClearErrors()
    {
        Assert.Equal(0, (await CliProcess.RunAsync(NoConfiguration, "demo")).ExitCode);
        string ndjson = Path.Combine(_data, "journal.ndjson");
        string csv = Path.Combine(_data, "journal.csv");
        string steel = Path.Combine(_data, "steel.ndjson");

        Assert.Equal(0, (await CliProcess.RunAsync(NoConfiguration, "audit", "export", "--out", ndjson)).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(NoConfiguration, "audit", "export", "--format", "csv",
            "--out", csv, "--from", "3", "--to", "5")).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(NoConfiguration, "audit", "export", "--account", "SH-STEEL-002",
            "--out", steel)).ExitCode);

        string[] lines = await File.ReadAllLinesAsync(ndjson);
        Assert.Equal(10, lines.Length);
        using (var first = System.Text.Json.JsonDocument.Parse(lines[0]))
        {
            Assert.Equal(1, first.RootElement.GetProperty("seq").GetInt64());
            Assert.Equal(64, first.RootElement.GetProperty("hash").GetString()!.Length);
        }

        string[] rows = await File.ReadAllLinesAsync(csv);
        Assert.Equal("seq,at,type,key,actor,prev,hash,data", rows[0]);
        Assert.Equal(["3", "4", "5"], rows.Skip(1).Select(r => r.Split(',')[0]));
        string[] steelLines = await File.ReadAllLinesAsync(steel);
        Assert.NotEmpty(steelLines);
        Assert.All(steelLines, l => Assert.Contains("SH-STEEL-002", l, StringComparison.Ordinal));

        CliProcess.Result unknown = await CliProcess.RunAsync(NoConfiguration, "audit", "export", "--account", "NOPE",
            "--out", Path.Combine(_data, "nope.ndjson"));
        CliProcess.Result noFolder = await CliProcess.RunAsync(NoConfiguration, "audit", "export",
            "--out", Path.Combine(_data, "missing", "x.ndjson"));
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("account NOPE does not exist", unknown.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_data, "nope.ndjson")));
        Assert.Equal(1, noFolder.ExitCode);
        Assert.Contains("its folder does not exist", noFolder.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AsOf_DemoJournal_ShowsThePastAndRefusesBadPoints()
    {
        Assert.Equal(0, (await CliProcess.RunAsync(NoConfiguration, "demo")).ExitCode);

        CliProcess.Result then = await CliProcess.RunAsync(NoConfiguration, "asof", "--seq", "9");
        CliProcess.Result beyond = await CliProcess.RunAsync(NoConfiguration, "asof", "--seq", "999");
        CliProcess.Result both = await CliProcess.RunAsync(NoConfiguration, "asof");
        CliProcess.Result early = await CliProcess.RunAsync(NoConfiguration, "asof", "--at", "2000-01-01T00:00:00Z");

        Assert.True(then.ExitCode == 0, then.Output + then.Error);
        Assert.Contains("as of ledger sequence 9", then.Output, StringComparison.Ordinal);
        Assert.Equal(1, beyond.ExitCode);
        Assert.Contains("beyond the journal's last event (10)", beyond.Output, StringComparison.Ordinal);
        Assert.Equal(1, both.ExitCode);
        Assert.Contains("exactly one of --seq or --at", both.Output, StringComparison.Ordinal);
        Assert.Equal(1, early.ExitCode);
        Assert.Contains("before the journal's first event", early.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
