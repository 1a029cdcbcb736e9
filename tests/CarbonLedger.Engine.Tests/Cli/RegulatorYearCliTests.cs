using System.Globalization;
using System.Text.Json;
using CarbonLedger.Testing.Postgres;
using Npgsql;

namespace CarbonLedger.Engine.Tests.Cli;

/// <summary>
/// <c>audit summary</c> and <c>asof --enterprise</c> on a seeded <c>compliance simulate</c> year, run as separate
/// processes against the test server: the summary's totals equal sums computed independently from the ledger
/// journal and the workflow events with SQL; the as-of status before and after a surrender; bad input.
/// </summary>
[Collection("postgres")]
public sealed class RegulatorYearCliTests(PostgresFixture pg) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("carbonledger-summary-").FullName;

    private Dictionary<string, string?> Server => new() { ["CARBONLEDGER_CONNECTION"] = pg.ConnectionString };

    [Fact]
    public async Task AuditSummary_SimulatedYear_TotalsEqualTheJournalAndTheWorkflowRecords()
    {
        string schema = await SimulateAsync("sum_year");
        string csv = Path.Combine(_folder, "summary.csv");
        string ndjson = Path.Combine(_folder, "summary.ndjson");

        CliProcess.Result written = await RunAsync(schema, "audit", "summary", "--year", "2022", "--out", csv);
        CliProcess.Result json = await RunAsync(schema, "audit", "summary", "--year", "2022", "--out", ndjson,
            "--format", "ndjson");

        Assert.True(written.ExitCode == 0, written.Output + written.Error);
        Assert.True(json.ExitCode == 0, json.Output + json.Error);
        string[] lines = await File.ReadAllLinesAsync(csv);
        string[] header = lines[0].Split(',');
        List<Dictionary<string, string>> rows = lines.Skip(1)
            .Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
        Dictionary<string, string> total = rows[^1];
        List<Dictionary<string, string>> plants = rows[..^1];
        Assert.Equal("TOTAL", total["enterprise"]);
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"PLANT-{i:D3}"), plants.Select(r => r["enterprise"]));
        foreach (string column in header.Skip(3).SkipLast(1))
        {
            Assert.Equal(plants.Sum(r => Number(r[column])), Number(total[column]));
        }

        string wf = schema + "_wf";
        Assert.Equal(await TonnesAsync($"SELECT sum((data->>'Quantity')::bigint) FROM {schema}.mt_events " +
                "WHERE type = 'allowances_issued' AND headers->>'key' LIKE 'alc-%'"),
            Number(total["pre_allocation_t"]) + Number(total["true_up_t"]) + Number(total["exemption_top_up_t"]));
        Assert.Equal(await ScalarAsync($"SELECT sum((data->>'Tonnes')::bigint) FROM {wf}.mt_events " +
            "WHERE type = 'allocation_issued' AND data->>'Kind' = 'PreAllocation'"), Number(total["pre_allocation_t"]));
        Assert.Equal(await TonnesAsync($"SELECT sum((data->>'Quantity')::bigint) FROM {schema}.mt_events " +
            "WHERE type = 'units_clawed_back'"), Number(total["clawed_back_t"]));
        Assert.Equal(await TonnesAsync(Surrendered(schema, "CEA")), Number(total["allowances_surrendered_t"]));
        Assert.Equal(await TonnesAsync(Surrendered(schema, "CCER")), Number(total["ccer_surrendered_t"]));
        Assert.Equal(await ScalarAsync($"SELECT sum((data->>'Tonnes')::bigint) FROM {wf}.mt_events " +
            "WHERE type = 'emissions_confirmed'"), Number(total["confirmed_t"]));
        Assert.Equal(await ScalarAsync($"SELECT sum((data->>'ObligationTonnes')::bigint) FROM {wf}.mt_events " +
            "WHERE type = 'obligation_set'"), Number(total["obligation_t"]));
        Assert.Equal(await ScalarAsync($"SELECT sum((data->>'ShortfallTonnes')::bigint) FROM {wf}.mt_events " +
            "WHERE type = 'compliance_closed'"), Number(total["shortfall_t"]));
        Assert.Equal(await ScalarAsync($"SELECT sum((data->>'Amount')::bigint) FROM {wf}.mt_events " +
            "WHERE type = 'penalty_assessed'"), Number(total["penalty_fen"]));
        Assert.Equal(await ScalarAsync($"SELECT count(*) FROM {schema}.rm_trades"), Number(total["trades"]));
        Assert.True(Number(total["shortfall_t"]) > 0 && Number(total["penalty_fen"]) > 0, "the seed has a shortfall");

        string[] objects = await File.ReadAllLinesAsync(ndjson);
        Assert.Equal(rows.Count, objects.Length);
        using JsonDocument last = JsonDocument.Parse(objects[^1]);
        Assert.Equal("TOTAL", last.RootElement.GetProperty("enterprise").GetString());
        Assert.Equal(Number(total["obligation_t"]), last.RootElement.GetProperty("obligation_t").GetInt64());
    }

    [Fact]
    public async Task AsOfEnterprise_BeforeAndAfterItsSurrender_ShowsTheStatusThenAndRefusesBadPoints()
    {
        string schema = await SimulateAsync("asof_year");
        string wf = schema + "_wf";
        string surrendered = await TextAsync($"SELECT min(data->>'At') FROM {wf}.mt_events " +
            "WHERE type = 'surrender_completed' AND stream_id = 'compliance-PLANT-001-2022'");
        var at = NodaTime.Text.InstantPattern.ExtendedIso.Parse(surrendered).Value;
        string before = (at - NodaTime.Duration.FromSeconds(1)).ToString();
        string after = at.ToString();

        CliProcess.Result then = await RunAsync(schema, "asof", "--at", before, "--enterprise", "PLANT-001");
        CliProcess.Result now = await RunAsync(schema, "asof", "--at", after, "--enterprise", "PLANT-001",
            "--year", "2022");
        CliProcess.Result early = await RunAsync(schema, "asof", "--at", "2021-06-01T00:00:00Z", "--enterprise",
            "PLANT-001");
        CliProcess.Result unknown = await RunAsync(schema, "asof", "--at", after, "--enterprise", "PLANT-999");
        CliProcess.Result noYear = await RunAsync(schema, "asof", "--at", after, "--enterprise", "PLANT-001",
            "--year", "2019");
        CliProcess.Result bySeq = await RunAsync(schema, "asof", "--seq", "3", "--enterprise", "PLANT-001");

        Assert.True(then.ExitCode == 0, then.Output + then.Error);
        Assert.True(now.ExitCode == 0, now.Output + now.Error);
        Assert.Matches(@"(allowances|CCER) surrendered t\s*│\s*0 ", then.Output);
        Assert.DoesNotMatch(@"(allowances|CCER) surrendered t\s*│\s*[1-9]", then.Output);
        Assert.Matches(@"(allowances|CCER) surrendered t\s*│\s*[1-9]", now.Output);
        Assert.Contains("eligible allowances", now.Output, StringComparison.Ordinal);
        Assert.Equal(1, early.ExitCode);
        Assert.Contains("is before the first event of PLANT-001's 2022 records", early.Output,
            StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown enterprise PLANT-999", unknown.Output, StringComparison.Ordinal);
        Assert.Equal(2, noYear.ExitCode);
        Assert.Contains("has no record for 2019", noYear.Output, StringComparison.Ordinal);
        Assert.Equal(1, bySeq.ExitCode);
        Assert.Contains("--enterprise takes --at", bySeq.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditSummary_BadYearOrOutput_ClearErrorAndNoFile()
    {
        string schema = await SimulateAsync("sum_bad");
        string missing = Path.Combine(_folder, "missing", "s.csv");
        string file = Path.Combine(_folder, "s.csv");

        CliProcess.Result noRules = await RunAsync(schema, "audit", "summary", "--year", "2030", "--out", file);
        CliProcess.Result noData = await RunAsync(schema, "audit", "summary", "--year", "2023", "--out", file);
        CliProcess.Result noFolder = await RunAsync(schema, "audit", "summary", "--year", "2022", "--out", missing);
        CliProcess.Result folder = await RunAsync(schema, "audit", "summary", "--year", "2022", "--out", _folder);

        Assert.Equal(1, noRules.ExitCode);
        Assert.Contains("no compliance rules for 2030", noRules.Output, StringComparison.Ordinal);
        Assert.Equal(1, noData.ExitCode);
        Assert.Contains("no emission report, allocation or compliance record for 2023", noData.Output,
            StringComparison.Ordinal);
        Assert.Equal(1, noFolder.ExitCode);
        Assert.Contains("its folder does not exist", noFolder.Output, StringComparison.Ordinal);
        Assert.Equal(1, folder.ExitCode);
        Assert.Contains("it is a folder", folder.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder, "*", SearchOption.AllDirectories));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Surrendered(string schema, string programme) =>
        $"SELECT sum((data->>'Quantity')::bigint) FROM {schema}.mt_events WHERE type = 'units_surrendered' " +
        $"AND data->>'Instrument' LIKE '{programme}-%'";

    private static long Number(string field) =>
        field.Length == 0 ? 0 : long.Parse(field, CultureInfo.InvariantCulture);

    private async Task<string> SimulateAsync(string prefix)
    {
        string schema = pg.NewSchemaName(prefix);
        CliProcess.Result simulated = await RunAsync(schema, "compliance", "simulate", "--year", "2022",
            "--enterprises", "5", "--seed", "3");
        Assert.True(simulated.ExitCode == 0, simulated.Output + simulated.Error);
        return schema;
    }

    private Task<CliProcess.Result> RunAsync(string schema, params string[] args) =>
        CliProcess.RunAsync(Server, [.. args, "--schema", schema]);

    private async Task<long> TonnesAsync(string sql) => await ScalarAsync(sql) / 1_000_000;

    private async Task<long> ScalarAsync(string sql) => await QueryAsync(sql) switch
    {
        null or DBNull => 0L,
        var value => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };

    private async Task<string> TextAsync(string sql) => (string)(await QueryAsync(sql))!;

    private async Task<object?> QueryAsync(string sql)
    {
        await using var data = NpgsqlDataSource.Create(pg.ConnectionString);
#pragma warning disable CA2100 // test SQL from constants and generated schema names
        await using NpgsqlCommand command = data.CreateCommand(sql);
#pragma warning restore CA2100
        return await command.ExecuteScalarAsync();
    }
}
