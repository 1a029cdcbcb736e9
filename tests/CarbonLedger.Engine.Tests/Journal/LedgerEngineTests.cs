using CarbonLedger.Domain.Invariants;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Engine.Journal;
using CarbonLedger.Testing.Postgres;
using Npgsql;
using static CarbonLedger.Engine.Tests.Journal.EngineFixture;
using CarbonLedger.Testing.Builders;

namespace CarbonLedger.Engine.Tests.Journal;

[Collection("postgres")]
public sealed class LedgerEngineTests(PostgresFixture pg)
{
    private CommandFactory C { get; } = new();

    [Fact]
    public async Task Submit_AcceptedCommands_AreJournaledWithStampsAndReadBack()
    {
        string schema = pg.NewSchemaName("eng_append");
        await using (LedgerEngine engine = await LedgerEngine.StartAsync(Options(pg, schema)))
        {
            await SeedAsync(engine, C);
            CommandResult transfer = await AcceptAsync(engine, C.Transfer("alice", "ENT-A", "ENT-B", "CEA-2024", 250_000));
            Assert.Equal(5, transfer.Outcome.Sequence);
            var entries = new List<JournalEntry>();
            await foreach (JournalEntry e in engine.Journal.ReadAsync(0, CancellationToken.None))
            {
                entries.Add(e);
            }

            Assert.Equal([1L, 2, 3, 4, 5], entries.Select(e => e.Stamp.Sequence));
            UnitsTransferred stored = Assert.IsType<UnitsTransferred>(entries[4].Event);
            Assert.Equal(Co2e.FromTonnes(250_000), stored.Quantity);
            Assert.Equal("alice", entries[4].Stamp.Actor.Value);
            Assert.Equal(HashChain.Genesis, entries[0].PreviousHash);
            for (int i = 1; i < entries.Count; i++)
            {
                Assert.Equal(entries[i - 1].Hash, entries[i].PreviousHash);
            }

            await using (Marten.IQuerySession query = engine.Journal.Store.QuerySession())
            {
                // Marten's own stream API sees the batch-appended events with contiguous versions.
                string stream = entries[0].Event.At.InUtc().Date.ToString("'ledger-main-'yyyyMMdd", null);
                IReadOnlyList<JasperFx.Events.IEvent> fetched = await query.Events.FetchStreamAsync(stream);
                Assert.Equal([1L, 2, 3, 4, 5], fetched.Select(e => e.Version));
                Assert.Equal(5, (await query.Events.FetchStreamStateAsync(stream))!.Version);
                Assert.Equal("units_transferred", fetched[4].EventTypeName);
            }

            Assert.Equal(750_000_000_000L, await BalanceAsync(schema, "ENT-A", "available"));
            Assert.Equal(250_000_000_000L, await BalanceAsync(schema, "ENT-B", "available"));
        }
    }

    [Fact]
    public async Task Start_ExistingJournal_RebuildsToSameStateHash()
    {
        string schema = pg.NewSchemaName("eng_restart");
        EngineStatus before;
        await using (LedgerEngine engine = await LedgerEngine.StartAsync(Options(pg, schema)))
        {
            await SeedAsync(engine, C);
            await AcceptAsync(engine, C.Transfer("alice", "ENT-A", "ENT-B", "CEA-2024", 10));
            await AcceptAsync(engine, C.Freeze("mee", "ENT-B", "CEA-2024", 5, "COURT-1"));
            await AcceptAsync(engine, C.IssueCredits("mee", "MEE", "ENT-A", "CCER-2023", 1, 100));
            await AcceptAsync(engine, C.Retire("alice", "ENT-A", "CCER-2023", 30));
            before = await engine.StatusAsync();
        }

        await using LedgerEngine restarted = await LedgerEngine.StartAsync(Options(pg, schema));
        EngineStatus after = await restarted.StatusAsync();
        Assert.Equal(before, after);
        Assert.Equal(8, restarted.EventsReplayedAtStart);
        Assert.Equal(Co2e.FromTonnes(5), (await restarted.ReadAsync(l => l.GetPosition(CommandFactory.Acc("ENT-B"), CommandFactory.Instr("CEA-2024")))).Frozen);
    }

    [Fact]
    public async Task Submit_DuplicateKey_ReturnsFirstResultAndAppendsNothing()
    {
        string schema = pg.NewSchemaName("eng_dup");
        await using LedgerEngine engine = await LedgerEngine.StartAsync(Options(pg, schema));
        await SeedAsync(engine, C);
        TransferUnits command = C.Transfer("alice", "ENT-A", "ENT-B", "CEA-2024", 7);
        CommandResult first = await AcceptAsync(engine, command);
        CommandResult again = await engine.SubmitAsync(command);
        CommandResult conflict = await engine.SubmitAsync(command with { Quantity = Co2e.FromTonnes(8) });

        Assert.True(again.Outcome.AlreadyApplied);
        Assert.Equal(first.Outcome.Sequence, again.Outcome.Sequence);
        Assert.Null(again.Event);
        Assert.Equal(LedgerRejection.IdempotencyKeyConflict, conflict.Outcome.Rejection);
        Assert.Equal(5, await CountEventsAsync(schema));
        Assert.Equal(7_000_000L, await BalanceAsync(schema, "ENT-B", "available"));
    }

    [Fact]
    public async Task Submit_ManyConcurrentCommands_GroupCommitsAndAcknowledgesEach()
    {
        string schema = pg.NewSchemaName("eng_group");
        await using LedgerEngine engine = await LedgerEngine.StartAsync(Options(pg, schema));
        await SeedAsync(engine, C);
        Task<CommandResult>[] submissions = Enumerable.Range(0, 3_000)
            .Select(i => engine.SubmitAsync(C.Transfer("alice", "ENT-A", "ENT-B", "CEA-2024", 1 + (i % 3))))
            .ToArray();
        CommandResult[] results = await Task.WhenAll(submissions);

        Assert.All(results, r => Assert.True(r.Outcome.IsAccepted));
        Assert.Equal(Enumerable.Range(5, 3_000).Select(i => (long)i), results.Select(r => r.Outcome.Sequence).Order());
        Assert.Equal(3_004, await CountEventsAsync(schema));
        long moved = Enumerable.Range(0, 3_000).Sum(i => 1L + (i % 3));
        Assert.Equal(moved * 1_000_000, await BalanceAsync(schema, "ENT-B", "available"));
        await engine.ReadAsync(l =>
        {
            LedgerInvariants.AssertAll(l);
            return 0;
        });
    }

    [Fact]
    public async Task Submit_AppendFails_AcknowledgesNothingAndLeavesNoPartialState()
    {
        string schema = pg.NewSchemaName("eng_fail");
        await using LedgerEngine engine = await LedgerEngine.StartAsync(Options(pg, schema));
        await SeedAsync(engine, C);
        EngineStatus before = await engine.StatusAsync();
        await ExecuteAsync($"ALTER TABLE {schema}.mt_events ADD CONSTRAINT no_poison CHECK (data->>'Reason' IS DISTINCT FROM 'poison')");

        // One batch: a good transfer queued together with a freeze whose event the database refuses.
        Task<CommandResult> good = engine.SubmitAsync(C.Transfer("alice", "ENT-A", "ENT-B", "CEA-2024", 3));
        Task<CommandResult> poisoned = engine.SubmitAsync(C.Freeze("mee", "ENT-A", "CEA-2024", 1, "F-1", "poison"));
        await Assert.ThrowsAsync<JournalAppendException>(() => poisoned);
        Exception? goodError = await Record.ExceptionAsync(() => good);
        EngineStatus afterFailure = await engine.StatusAsync();
        long events = await CountEventsAsync(schema);

        // Whatever batch the good command landed in, the state equals the journal: either it was journaled
        // and acknowledged, or it failed with the poisoned batch and left no trace.
        Assert.Equal(goodError is null ? before.Sequence + 1 : before.Sequence, afterFailure.Sequence);
        Assert.Equal(afterFailure.Sequence, events);
        await ExecuteAsync($"ALTER TABLE {schema}.mt_events DROP CONSTRAINT no_poison");
        CommandResult later = await AcceptAsync(engine, C.Transfer("alice", "ENT-A", "ENT-B", "CEA-2024", 4));
        Assert.Equal(afterFailure.Sequence + 1, later.Outcome.Sequence);
        await AssertRestartEqualsAsync(engine, schema);
    }

    [Fact]
    public async Task Submit_ReadModelStatementFailsAfterTheEventsWereInserted_TheWholeAppendRollsBack()
    {
        // The append is one round trip without an explicit transaction (decision 0019): PostgreSQL runs the
        // statements up to the single Sync as one implicit transaction. Here the events' INSERT succeeds and a
        // later read-model statement of the same append fails: the events must not stay behind.
        string schema = pg.NewSchemaName("eng_rmfail");
        await using LedgerEngine engine = await LedgerEngine.StartAsync(Options(pg, schema));
        await SeedAsync(engine, C);
        EngineStatus before = await engine.StatusAsync();
        long statementLines = await CountRowsAsync($"{schema}.rm_statement");
        await ExecuteAsync($"ALTER TABLE {schema}.rm_balances ADD CONSTRAINT nothing_frozen CHECK (frozen = 0)");

        await Assert.ThrowsAsync<JournalAppendException>(
            () => engine.SubmitAsync(C.Freeze("mee", "ENT-A", "CEA-2024", 1, "F-1", "court order")));

        Assert.Equal(before, await engine.StatusAsync());
        Assert.Equal(before.Sequence, await CountEventsAsync(schema));
        Assert.Equal(statementLines, await CountRowsAsync($"{schema}.rm_statement"));
        await ExecuteAsync($"ALTER TABLE {schema}.rm_balances DROP CONSTRAINT nothing_frozen");
        CommandResult later = await AcceptAsync(engine, C.Freeze("mee", "ENT-A", "CEA-2024", 1, "F-2", "court order"));
        Assert.Equal(before.Sequence + 1, later.Outcome.Sequence);
        await AssertRestartEqualsAsync(engine, schema);
    }

    [Fact]
    public async Task Submit_AppendFailsWhileTheNextBatchIsDecided_OnlyThePoisonedBatchFailsAndStateEqualsJournal()
    {
        string schema = pg.NewSchemaName("eng_pipe");
        await using LedgerEngine engine = await LedgerEngine.StartAsync(Options(pg, schema));
        await SeedAsync(engine, C);
        await ExecuteAsync($"ALTER TABLE {schema}.mt_events ADD CONSTRAINT no_poison CHECK (data->>'Reason' IS DISTINCT FROM 'poison')");

        // Enough concurrent commands for several batches in the writer's pipeline, one of them poisoned.
        var work = new List<Task<CommandResult>>();
        for (int i = 0; i < 3_000; i++)
        {
            work.Add(i == 1_500
                ? engine.SubmitAsync(C.Freeze("mee", "ENT-A", "CEA-2024", 1, "F-P", "poison"))
                : engine.SubmitAsync(C.Transfer("alice", "ENT-A", "ENT-B", "CEA-2024", 1)));
        }

        var acknowledged = new List<long>();
        int failed = 0;
        foreach (Task<CommandResult> t in work)
        {
            try
            {
                acknowledged.Add((await t).Outcome.Sequence);
            }
            catch (JournalAppendException)
            {
                failed++;
            }
        }

        Assert.InRange(failed, 1, 2_999); // the poisoned batch, and nobody outside it
        EngineStatus status = await engine.StatusAsync();
        Assert.Equal(status.Sequence, await CountEventsAsync(schema));
        Assert.Equal(acknowledged.Count, acknowledged.Distinct().Count());
        Assert.Equal(4 + acknowledged.Count, status.Sequence);
        await engine.DisposeAsync();
        await using LedgerEngine restarted = await LedgerEngine.StartAsync(Options(pg, schema));
        Assert.Equal(status, await restarted.StatusAsync());
    }

    [Fact]
    public async Task Verify_EventAlteredInSql_ReportsBrokenLinkAndEngineRefusesToStart()
    {
        string schema = pg.NewSchemaName("eng_tamper");
        await using (LedgerEngine engine = await LedgerEngine.StartAsync(Options(pg, schema)))
        {
            await SeedAsync(engine, C);
            await AcceptAsync(engine, C.Transfer("alice", "ENT-A", "ENT-B", "CEA-2024", 10));
            JournalVerifier.Report clean = await JournalVerifier.VerifyAsync(engine.Journal, CancellationToken.None);
            Assert.True(clean.IsIntact);
            Assert.Equal(5, clean.EventsChecked);
        }

        await ExecuteAsync(
            $"UPDATE {schema}.mt_events SET data = jsonb_set(data, '{{Quantity}}', '999000000') " +
            $"WHERE headers->>'seq' = '5'");
        await using (LedgerJournal journal = await LedgerJournal.OpenAsync(pg.ConnectionString, schema, "main", CancellationToken.None))
        {
            JournalVerifier.Report report = await JournalVerifier.VerifyAsync(journal, CancellationToken.None);
            Assert.False(report.IsIntact);
            Assert.Equal(5, report.BrokenAtSequence);
            Assert.Contains("altered", report.Problem, StringComparison.Ordinal);
        }

        await Assert.ThrowsAsync<JournalIntegrityException>(() => LedgerEngine.StartAsync(Options(pg, schema)));
    }

    private async Task<long> BalanceAsync(string schema, string account, string column)
    {
        await using var connection = new NpgsqlConnection(pg.ConnectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // test SQL from constants
        await using var command = new NpgsqlCommand(
            $"SELECT {column} FROM {schema}.rm_balances WHERE account = $1 AND instrument = 'CEA-2024'", connection);
#pragma warning restore CA2100
        command.Parameters.AddWithValue(account);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Stops the engine and checks that a restart from the journal reaches the same status.</summary>
    private async Task AssertRestartEqualsAsync(LedgerEngine engine, string schema)
    {
        EngineStatus final = await engine.StatusAsync();
        await engine.DisposeAsync();
        await using LedgerEngine restarted = await LedgerEngine.StartAsync(Options(pg, schema));
        Assert.Equal(final, await restarted.StatusAsync());
    }

    private Task<long> CountEventsAsync(string schema) => CountRowsAsync($"{schema}.mt_events");

    private async Task<long> CountRowsAsync(string table)
    {
        await using var connection = new NpgsqlConnection(pg.ConnectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // test SQL from constants
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
#pragma warning restore CA2100
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(pg.ConnectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // test SQL from constants
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }
}
