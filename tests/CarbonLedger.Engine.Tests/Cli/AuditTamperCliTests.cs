using CarbonLedger.Engine.Tests.Journal;
using CarbonLedger.Testing.Postgres;

namespace CarbonLedger.Engine.Tests.Cli;

/// <summary>
/// <c>audit verify --from/--to</c> and <c>--against</c> as a regulator runs them, on a journal tampered with SQL
/// between runs (the CLI uses the test server through <c>CARBONLEDGER_CONNECTION</c>).
/// </summary>
[Collection("postgres")]
public sealed class AuditTamperCliTests(PostgresFixture pg) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("carbonledger-tamper-").FullName;

    private Dictionary<string, string?> Server => new() { ["CARBONLEDGER_CONNECTION"] = pg.ConnectionString };

    [Fact]
    public async Task AuditVerifyRange_AlteredInsideAndOutside_ExitTwoOnlyWhenInsideTheRange()
    {
        string schema = await DemoAsync("cli_range");
        await JournalTamper.AlterAsync(pg.ConnectionString, schema, 6);

        CliProcess.Result inside = await RunAsync(schema, "audit", "verify", "--from", "4", "--to", "8");
        CliProcess.Result after = await RunAsync(schema, "audit", "verify", "--from", "7", "--to", "10");
        CliProcess.Result full = await RunAsync(schema, "audit", "verify");

        Assert.Equal(2, inside.ExitCode);
        Assert.Contains("hash chain broken at ledger sequence 6", inside.Output, StringComparison.Ordinal);
        Assert.True(after.ExitCode == 0, after.Output + after.Error);
        Assert.Contains("hash chain intact: 4 events", after.Output, StringComparison.Ordinal);
        Assert.Equal(2, full.ExitCode);
        Assert.Contains("hash chain broken at ledger sequence 6", full.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerifyRange_DeletedInside_ExitTwoNamingTheMissingSequence()
    {
        string schema = await DemoAsync("cli_delete");
        await JournalTamper.DeleteAsync(pg.ConnectionString, schema, 5);

        CliProcess.Result inside = await RunAsync(schema, "audit", "verify", "--from", "3", "--to", "8");

        Assert.Equal(2, inside.ExitCode);
        Assert.Contains("ledger sequence 6 found where 5 was expected", inside.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerifyAgainst_HistoryRewrittenBeforeTheCheckpoint_ExitTwo()
    {
        string schema = await DemoAsync("cli_rewrite");
        string checkpoint = Path.Combine(_folder, "head.json");
        CliProcess.Result published = await RunAsync(schema, "audit", "checkpoint", "--out", checkpoint);
        Assert.True(published.ExitCode == 0, published.Output + published.Error);

        await JournalTamper.RewriteFromAsync(pg.ConnectionString, schema, 4);
        CliProcess.Result chain = await RunAsync(schema, "audit", "verify");
        CliProcess.Result against = await RunAsync(schema, "audit", "verify", "--against", checkpoint);

        Assert.True(chain.ExitCode == 0, chain.Output + chain.Error); // consistent on its own
        Assert.Equal(2, against.ExitCode);
        Assert.Contains("no longer has the published hash", against.Output, StringComparison.Ordinal);
        Assert.Contains("history before it was rewritten", against.Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<string> DemoAsync(string prefix)
    {
        string schema = pg.NewSchemaName(prefix);
        CliProcess.Result demo = await RunAsync(schema, "demo");
        Assert.True(demo.ExitCode == 0, demo.Output + demo.Error);
        return schema;
    }

    private Task<CliProcess.Result> RunAsync(string schema, params string[] args) =>
        CliProcess.RunAsync(Server, [.. args, "--schema", schema]);
}
