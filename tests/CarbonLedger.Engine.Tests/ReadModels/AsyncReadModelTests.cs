using CarbonLedger.Domain.Registry;
using CarbonLedger.Engine.Journal;
using CarbonLedger.Engine.ReadModels;
using CarbonLedger.Testing.Generators;
using CarbonLedger.Testing.Postgres;
using CarbonLedger.Testing.Reference;
using NodaTime;
using NodaTime.Testing;
using Npgsql;

namespace CarbonLedger.Engine.Tests.ReadModels;

/// <summary>
/// Read models written by the projector behind the journal (decision 0011): equal to a rebuild once current,
/// caught up from their progress mark at start when they fell behind, and a projector failure stops the
/// engine without losing anything acknowledged. (The SIGKILL case is in CrashRecoveryTests.)
/// </summary>
[Collection("postgres")]
public sealed class AsyncReadModelTests(PostgresFixture pg)
{
    [Fact]
    public async Task AsyncMode_RandomTradingDays_ReadModelsEqualARebuildOnceCurrent()
    {
        (LedgerEngine engine, string schema) = await AfterRandomDaysAsync("rm_async", 900);
        await using LedgerEngine _ = engine;
        EngineStatus status = await engine.StatusAsync();
        Assert.Equal(status.Sequence, await ScalarAsync($"SELECT seq FROM {schema}.read_model_progress"));
        Assert.True(await ScalarAsync($"SELECT count(*) FROM {schema}.rm_trades") > 10);
        await AssertEqualsRebuildAsync(engine, schema);
    }

    [Fact]
    public async Task StatementLines_RandomTradingDays_SumToEveryBucketOfTheBalances()
    {
        // The statement is the balances' audit trail: netted per account × instrument × bucket, its lines must add
        // up to every bucket the balances read model shows, for every holding (holds, deliveries, returns, T+1).
        (LedgerEngine engine, string schema) = await AfterRandomDaysAsync("rm_lines", 900);
        await using LedgerEngine _ = engine;

        Assert.True(await ScalarAsync($"SELECT count(*) FROM {schema}.rm_statement WHERE bucket = 'Locked'") > 10);
        Assert.True(await ScalarAsync($"SELECT count(*) FROM {schema}.rm_statement WHERE bucket = 'Unsettled'") > 10);
        Assert.Equal(0, await ScalarAsync(
            $"""
            WITH lines AS (
                SELECT account, instrument,
                    sum(delta) FILTER (WHERE bucket = 'Available') AS available,
                    sum(delta) FILTER (WHERE bucket = 'Locked') AS locked,
                    sum(delta) FILTER (WHERE bucket = 'Unsettled') AS unsettled,
                    sum(delta) FILTER (WHERE bucket = 'Frozen') AS frozen,
                    sum(delta) FILTER (WHERE bucket = 'Pledged') AS pledged
                FROM {schema}.rm_statement GROUP BY account, instrument)
            SELECT count(*) FROM {schema}.rm_balances b FULL JOIN lines l USING (account, instrument)
            WHERE b.account IS NULL OR l.account IS NULL
               OR b.available <> COALESCE(l.available, 0) OR b.locked <> COALESCE(l.locked, 0)
               OR b.unsettled <> COALESCE(l.unsettled, 0) OR b.frozen <> COALESCE(l.frozen, 0)
               OR b.pledged <> COALESCE(l.pledged, 0)
            """));
    }

    [Fact]
    public async Task AsyncMode_ReadModelsBehindTheJournal_StartProjectsFromTheMarkBeforeTakingWork()
    {
        string schema = pg.NewSchemaName("rm_behind");
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 1, 0, 0));
        long sequence;
        await using (LedgerEngine engine = await LedgerEngine.StartAsync(Options(schema, clock)))
        {
            await RunRandomDaysAsync(engine, clock, 600);
            sequence = (await engine.StatusAsync()).Sequence;
        }

        // Keep what the projector wrote batch by batch, then, as if it had written nothing before a crash: read
        // models empty, mark at 0. The start-up loads them in bulk (decision 0017); they must equal the copy.
        string live = pg.NewSchemaName("rm_behind_live");
        await ExecuteAsync($"CREATE SCHEMA {live}");
        foreach (string table in ReadModelSchema.Tables)
        {
            await ExecuteAsync($"CREATE TABLE {live}.{table} AS SELECT * FROM {schema}.{table}");
            await ExecuteAsync($"TRUNCATE {schema}.{table}");
        }

        await ExecuteAsync($"UPDATE {schema}.read_model_progress SET seq = 0");

        await using LedgerEngine restarted = await LedgerEngine.StartAsync(Options(schema, clock));
        Assert.Equal(sequence, restarted.EventsProjectedAtStart);
        Assert.Equal(sequence, await ScalarAsync($"SELECT seq FROM {schema}.read_model_progress"));
        Assert.True(await ScalarAsync($"SELECT count(*) FROM {schema}.rm_statement") > 100);
        Assert.Empty(await ReadModelRebuilder.DiffAsync(restarted.Journal.DataSource, live, schema,
            CancellationToken.None));
        Assert.Equal(ReadModelSchema.Tables.Count, await ScalarAsync(
            $"SELECT count(*) FROM pg_constraint WHERE contype = 'p' AND connamespace = '{schema}'::regnamespace " +
            "AND conrelid::regclass::text LIKE '%.rm\\_%'"));
    }

    [Fact]
    public async Task BulkLoad_AbandonedBeforeCompletion_LeavesTablesEmptyWithTheirKeys()
    {
        await using LedgerEngine engine = (await AfterRandomDaysAsync("rm_abandon", 200)).Engine;
        string target = pg.NewSchemaName("rm_abandon_target");
        await ExecuteAsync($"CREATE SCHEMA {target}");
        foreach (string ddl in ReadModelSchema.Statements(target))
        {
            await ExecuteAsync(ddl);
        }

        var ledger = new Domain.Registry.Ledger(LedgerLimits.Default, Domain.Rules.DefaultRuleBook.Create());
        await using (ReadModelBulkLoad load =
            await ReadModelBulkLoad.BeginAsync(engine.Journal.DataSource, target, CancellationToken.None))
        {
            await foreach (JournalEntry entry in engine.Journal.ReadAsync(0, CancellationToken.None))
            {
                ledger.Evolve(entry.Event, entry.Stamp);
                await load.AddAsync(entry, ledger, CancellationToken.None);
            }

            Assert.True(load.Added > 100);
        }

        Assert.True(await ReadModelBulkLoad.TablesEmptyAsync(engine.Journal.DataSource, target,
            CancellationToken.None));
        Assert.Equal(ReadModelSchema.Tables.Count, await ScalarAsync(
            $"SELECT count(*) FROM pg_constraint WHERE contype = 'p' AND connamespace = '{target}'::regnamespace " +
            "AND conrelid::regclass::text LIKE '%.rm\\_%'"));
    }

    [Fact]
    public async Task AsyncMode_ProjectorLingersForAnHour_DrainAndStopDoNotWaitForIt()
    {
        // A linger far beyond any test timeout: the projector writes only once seven batches wait, so a drain or
        // a stop must write what waits at once (one that waited for the linger would time out here).
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 1, 0, 0));
        string drained = pg.NewSchemaName("rm_linger_drain");
        await using (LedgerEngine engine = await LedgerEngine.StartAsync(Lingering(drained, clock)))
        {
            await RunRandomDaysAsync(engine, clock, 300);
            await engine.ReadModelsCurrentAsync().WaitAsync(TimeSpan.FromMinutes(2));
            Assert.Equal((await engine.StatusAsync()).Sequence,
                await ScalarAsync($"SELECT seq FROM {drained}.read_model_progress"));
            await AssertEqualsRebuildAsync(engine, drained);
        }

        clock.Reset(Instant.FromUtc(2026, 3, 1, 0, 0));
        string stopped = pg.NewSchemaName("rm_linger_stop");
        LedgerEngine stopping = await LedgerEngine.StartAsync(Lingering(stopped, clock));
        await RunRandomDaysAsync(stopping, clock, 300);
        long sequence = (await stopping.StatusAsync()).Sequence;
        await stopping.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(sequence, await ScalarAsync($"SELECT seq FROM {stopped}.read_model_progress"));

        LedgerEngineOptions Lingering(string schema, IClock c) =>
            Options(schema, c) with { ReadModelLag = 8, ReadModelLinger = TimeSpan.FromHours(1) };
    }

    [Fact]
    public async Task AsyncMode_ProjectorFails_AcknowledgedCommandsStayJournaledAndTheEngineStops()
    {
        string schema = pg.NewSchemaName("rm_fail");
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 1, 0, 0));
        var acknowledged = new List<string>();
        LedgerEngine engine = await LedgerEngine.StartAsync(Options(schema, clock));
        try
        {
            var oracle = new ReferenceLedger();
            var generator = new RandomExchangeGenerator(3, oracle);
            for (int i = 0; i < 200; i++)
            {
                (LedgerCommand command, Instant at) = generator.Next();
                clock.Reset(at);
                oracle.Apply(command, at);
                if ((await engine.SubmitAsync(command)).Outcome.IsAccepted)
                {
                    acknowledged.Add(command.Key.Value);
                }
            }

            await engine.ReadModelsCurrentAsync();
            await ExecuteAsync($"DROP TABLE {schema}.rm_cash"); // every later batch that moves cash fails to project

            InvalidOperationException? stopped = null;
            for (int i = 0; i < 400 && stopped is null; i++)
            {
                (LedgerCommand command, Instant at) = generator.Next();
                clock.Reset(at);
                try
                {
                    CommandResult result = await engine.SubmitAsync(command);
                    oracle.Apply(command, at);
                    if (result.Outcome.IsAccepted)
                    {
                        acknowledged.Add(command.Key.Value);
                    }
                }
                catch (InvalidOperationException error)
                {
                    stopped = error;
                }
            }

            Assert.NotNull(stopped);
            Assert.Contains("faulted", stopped.Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<InvalidOperationException>(() => engine.ReadModelsCurrentAsync());
        }
        finally
        {
            await engine.DisposeAsync();
        }

        // The restart recreates the dropped table and projects the journal above the mark.
        await using LedgerEngine restarted = await LedgerEngine.StartAsync(Options(schema, clock));
        var journaled = new HashSet<string>();
        await foreach (JournalEntry e in restarted.Journal.ReadAsync(0, CancellationToken.None))
        {
            journaled.Add(e.Stamp.Key.Value);
        }

        Assert.Empty(acknowledged.Except(journaled));
        Assert.True(restarted.EventsProjectedAtStart > 0);
        Assert.Equal((await restarted.StatusAsync()).Sequence,
            await ScalarAsync($"SELECT seq FROM {schema}.read_model_progress"));
    }

    /// <summary>A started engine (async read models) after random trading days, its read models current.</summary>
    private async Task<(LedgerEngine Engine, string Schema)> AfterRandomDaysAsync(string name, int commands)
    {
        string schema = pg.NewSchemaName(name);
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 1, 0, 0));
        LedgerEngine engine = await LedgerEngine.StartAsync(Options(schema, clock));
        await RunRandomDaysAsync(engine, clock, commands);
        await engine.ReadModelsCurrentAsync();
        return (engine, schema);
    }

    private static async Task RunRandomDaysAsync(LedgerEngine engine, FakeClock clock, int commands)
    {
        var oracle = new ReferenceLedger();
        var generator = new RandomExchangeGenerator(7, oracle);
        for (int i = 0; i < commands; i++)
        {
            (LedgerCommand command, Instant at) = generator.Next();
            clock.Reset(at);
            CommandResult result = await engine.SubmitAsync(command);
            Assert.Equal(oracle.Apply(command, at).Outcome, result.Outcome);
        }
    }

    private async Task AssertEqualsRebuildAsync(LedgerEngine engine, string schema)
    {
        string rebuilt = pg.NewSchemaName(schema + "_rb");
        await ReadModelRebuilder.RebuildAsync(engine.Journal, rebuilt, LedgerLimits.Default,
            Domain.Rules.DefaultRuleBook.Create(), CancellationToken.None);
        Assert.Empty(await ReadModelRebuilder.DiffAsync(engine.Journal.DataSource, schema, rebuilt,
            CancellationToken.None));
    }

    private LedgerEngineOptions Options(string schema, IClock clock) => new()
    {
        ConnectionString = pg.ConnectionString,
        Schema = schema,
        Clock = clock,
        ReadModels = ReadModelMode.Async,
        ReadModelLag = 2,
    };

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(pg.ConnectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // test SQL from constants and generated names
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(pg.ConnectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // test SQL from constants and generated names
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
