using CarbonLedger.Engine.Journal;
using CarbonLedger.Testing.Builders;
using CarbonLedger.Testing.Postgres;
using static CarbonLedger.Engine.Tests.Journal.EngineFixture;

namespace CarbonLedger.Engine.Tests.Journal;

/// <summary>
/// Ranged verification (<see cref="JournalVerifier.VerifyAsync(LedgerJournal, long, long?, CancellationToken)"/>)
/// against each kind of break made with SQL: altered, deleted, inserted and reordered events inside the range are
/// reported at the right place; a break outside the range is not the ranged check's business but the full
/// check's; and a history rewritten with a consistent chain is caught only by a published checkpoint.
/// </summary>
[Collection("postgres")]
public sealed class RangedVerificationTests(PostgresFixture pg)
{
    private const long From = 4;
    private const long To = 9;

    [Fact]
    public async Task VerifyRange_EventAlteredInside_ReportedAtItsSequence()
    {
        string schema = await SeedTwelveAsync("rv_alter");
        await JournalTamper.AlterAsync(pg.ConnectionString, schema, 6);

        JournalVerifier.Report report = await VerifyAsync(schema, From, To);

        Assert.False(report.IsIntact);
        Assert.Equal(6, report.BrokenAtSequence);
        Assert.Equal(2, report.EventsChecked);
        Assert.Contains("altered", report.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyRange_EventDeletedInside_ReportedWhereItIsMissing()
    {
        string schema = await SeedTwelveAsync("rv_delete");
        await JournalTamper.DeleteAsync(pg.ConnectionString, schema, 6);

        JournalVerifier.Report report = await VerifyAsync(schema, From, To);

        Assert.False(report.IsIntact);
        Assert.Equal(7, report.BrokenAtSequence);
        Assert.Contains("ledger sequence 7 found where 6 was expected", report.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2L)] // a copy of an event before the range must not pass for "before the range"
    [InlineData(11L)] // nor a copy of a later one for "after the range"
    public async Task VerifyRange_EventInsertedInside_ReportedAtTheInsertedRow(long copied)
    {
        string schema = await SeedTwelveAsync("rv_insert");
        long inserted = await JournalTamper.InsertCopyAsync(pg.ConnectionString, schema, copied, after: 6);

        JournalVerifier.Report report = await VerifyAsync(schema, From, To);

        Assert.False(report.IsIntact);
        Assert.Equal(inserted, report.BrokenAtStoreSequence);
        Assert.Equal(copied, report.BrokenAtSequence);
        Assert.Contains($"ledger sequence {copied} found where 7 was expected", report.Problem,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyRange_EventsReorderedInside_ReportedAtTheFirstMovedEvent()
    {
        string schema = await SeedTwelveAsync("rv_swap");
        long position = await JournalTamper.StoreSequenceAsync(pg.ConnectionString, schema, 6);
        await JournalTamper.SwapAsync(pg.ConnectionString, schema, 6, 7);

        JournalVerifier.Report report = await VerifyAsync(schema, From, To);

        Assert.False(report.IsIntact);
        Assert.Equal(position, report.BrokenAtStoreSequence);
        Assert.Equal(7, report.BrokenAtSequence);
        Assert.Contains("ledger sequence 7 found where 6 was expected", report.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2L)]
    [InlineData(11L)]
    public async Task VerifyRange_BreakOutsideTheRange_RangeIntactButFullCheckReportsIt(long tampered)
    {
        string schema = await SeedTwelveAsync("rv_outside");
        await JournalTamper.AlterAsync(pg.ConnectionString, schema, tampered);

        JournalVerifier.Report ranged = await VerifyAsync(schema, From, To);
        JournalVerifier.Report full = await VerifyAsync(schema, 1, null);

        Assert.True(ranged.IsIntact, ranged.Problem);
        Assert.Equal(To - From + 1, ranged.EventsChecked);
        Assert.False(full.IsIntact);
        Assert.Equal(tampered, full.BrokenAtSequence);
    }

    [Fact]
    public async Task VerifyAgainstCheckpoint_HistoryRewrittenBeforeIt_ChainIntactButHashDiffers()
    {
        string schema = await SeedTwelveAsync("rv_rewrite");
        string? published;
        await using (LedgerJournal journal = await OpenAsync(schema))
        {
            published = await JournalVerifier.HashAtAsync(journal, 10, CancellationToken.None);
        }

        await JournalTamper.RewriteFromAsync(pg.ConnectionString, schema, 5);

        await using LedgerJournal rewritten = await OpenAsync(schema);
        JournalVerifier.Report full = await JournalVerifier.VerifyAsync(rewritten, CancellationToken.None);
        string? now = await JournalVerifier.HashAtAsync(rewritten, 10, CancellationToken.None);
        Assert.True(full.IsIntact, full.Problem); // the rewrite is self-consistent: only the checkpoint tells
        Assert.NotNull(published);
        Assert.NotNull(now);
        Assert.NotEqual(published, now);
    }

    /// <summary>A journal of twelve events: the seeded registry and eight transfers.</summary>
    private async Task<string> SeedTwelveAsync(string prefix)
    {
        string schema = pg.NewSchemaName(prefix);
        var c = new CommandFactory();
        await using LedgerEngine engine = await LedgerEngine.StartAsync(Options(pg, schema));
        await SeedAsync(engine, c);
        for (int i = 0; i < 8; i++)
        {
            await AcceptAsync(engine, c.Transfer("alice", "ENT-A", "ENT-B", "CEA-2024", 10 + i));
        }

        return schema;
    }

    private async Task<JournalVerifier.Report> VerifyAsync(string schema, long from, long? to)
    {
        await using LedgerJournal journal = await OpenAsync(schema);
        return await JournalVerifier.VerifyAsync(journal, from, to, CancellationToken.None);
    }

    private Task<LedgerJournal> OpenAsync(string schema) =>
        LedgerJournal.OpenAsync(pg.ConnectionString, schema, "main", CancellationToken.None);
}
