using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Engine.Journal;
using CarbonLedger.Engine.Tests.Postgres;
using CarbonLedger.Testing.Builders;
using CarbonLedger.Testing.Generators;
using CarbonLedger.Testing.Postgres;
using CarbonLedger.Testing.Reference;
using NodaTime;
using NodaTime.Testing;
using Npgsql;

namespace CarbonLedger.Engine.Tests.Journal;

/// <summary>
/// The fast journal reader (one binary COPY, decoded on its own thread, decision 0014) against the Marten path it
/// replaced: the same entries for a journal of every kind of event, and the chain still checked on the way.
/// </summary>
[Collection("postgres")]
public sealed class JournalCopyReaderTests(PostgresFixture pg)
{
    [Fact]
    public async Task ReadAsync_MixedJournal_YieldsTheSameEntriesAsTheMartenPath()
    {
        string schema = pg.NewSchemaName("copy_same");
        await using LedgerEngine engine = await StartMixedAsync(schema);
        LedgerJournal journal = engine.Journal;

        List<JournalEntry> fast = await journal.ReadAsync(0, CancellationToken.None).ToListAsync();
        List<JournalEntry> marten = await journal.ReadThroughMartenAsync(0, CancellationToken.None).ToListAsync();

        Assert.Equal((await engine.StatusAsync()).Sequence, fast.Count);
        Assert.Equal(marten.Count, fast.Count);
        for (int i = 0; i < fast.Count; i++)
        {
            JournalEntry f = fast[i];
            JournalEntry m = marten[i];
            Assert.Equal(m.StoreSequence, f.StoreSequence);
            Assert.Equal(m.Stamp, f.Stamp);
            Assert.Equal(m.PreviousHash, f.PreviousHash);
            Assert.Equal(m.Hash, f.Hash);
            Assert.Equal(m.CorrelationId, f.CorrelationId);
            Assert.Equal(m.Event.GetType(), f.Event.GetType());
            Assert.Equal(HashChain.Body(m.Event), HashChain.Body(f.Event));
            Assert.Equal(f.Hash, f.RecomputedHash);
        }

        Assert.Contains(fast, e => e.CorrelationId == "corr-mixed");
        string[] kinds = [.. fast.Select(e => EventAliases.Of(e.Event)).Distinct()];
        foreach (string kind in new[]
                 {
                     "account_opened", "allowances_issued", "credits_issued", "units_transferred", "units_frozen",
                     "units_retired", "account_suspended", "cash_deposited", "order_placed", "trading_day_closed",
                 })
        {
            Assert.Contains(kind, kinds);
        }
    }

    [Fact]
    public async Task ReadAsync_SmallPages_YieldsEveryEntryOnceInOrder()
    {
        string schema = pg.NewSchemaName("copy_pages");
        await using LedgerEngine engine = await StartMixedAsync(schema);
        LedgerJournal journal = engine.Journal;
        List<JournalEntry> whole = await journal.ReadAsync(0, CancellationToken.None).ToListAsync();

        // Pages of 7 cross many boundaries; a page of exactly the journal's length ends on an empty page.
        foreach (int page in new[] { 7, whole.Count })
        {
            journal.CopyPageRows = page;
            List<JournalEntry> paged = await journal.ReadAsync(0, CancellationToken.None).ToListAsync();
            Assert.Equal(whole.Select(e => (e.StoreSequence, e.Hash)), paged.Select(e => (e.StoreSequence, e.Hash)));
            Assert.All(paged, e => Assert.Equal(e.Hash, e.RecomputedHash));
        }

        // From the middle: exactly the entries after that store sequence.
        long middle = whole[whole.Count / 2].StoreSequence;
        journal.CopyPageRows = 5;
        List<JournalEntry> tail = await journal.ReadAsync(middle, CancellationToken.None).ToListAsync();
        Assert.Equal(whole.Where(e => e.StoreSequence > middle).Select(e => e.StoreSequence),
            tail.Select(e => e.StoreSequence));
    }

    [Fact]
    public async Task Replay_BodyAlteredInSql_IsRefusedAtTheAlteredEvent()
    {
        string schema = pg.NewSchemaName("copy_tamper");
        long sequence;
        await using (LedgerEngine engine = await StartMixedAsync(schema))
        {
            sequence = (await engine.StatusAsync()).Sequence;
        }

        long target = sequence - 20;
        await Sql.ExecuteAsync(pg.ConnectionString,
            $"UPDATE {schema}.mt_events SET data = jsonb_set(data, '{{At}}', to_jsonb('2026-03-02T01:00:00Z'::text)) " +
            $"WHERE headers->>'seq' = '{target}'");
        await using LedgerJournal journal =
            await LedgerJournal.OpenAsync(pg.ConnectionString, schema, "main", CancellationToken.None);

        JournalIntegrityException refused = await Assert.ThrowsAsync<JournalIntegrityException>(() =>
            JournalReplay.RebuildAsync(journal, LedgerLimits.Default, Domain.Rules.DefaultRuleBook.Create(),
                CancellationToken.None));
        Assert.Contains($"event {target} hashes to", refused.Message, StringComparison.Ordinal);
        Assert.Contains("altered", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_StoppedEarly_ReadsTheWholeJournalAgainAfterwards()
    {
        string schema = pg.NewSchemaName("copy_stop");
        await using LedgerEngine engine = await StartMixedAsync(schema);
        long sequence = (await engine.StatusAsync()).Sequence;

        for (int round = 0; round < 3; round++)
        {
            long seen = 0;
            await foreach (JournalEntry entry in engine.Journal.ReadAsync(0, CancellationToken.None))
            {
                if (++seen == 10)
                {
                    break;
                }
            }

            Assert.Equal(10, seen);
        }

        JournalReplay.Result replay = await JournalReplay.RebuildAsync(engine.Journal, LedgerLimits.Default,
            Domain.Rules.DefaultRuleBook.Create(), CancellationToken.None);
        Assert.Equal(sequence, replay.EventsReplayed);
    }

    /// <summary>
    /// A journal of every kind: random trading days (orders, trades, settlements, block trades, auctions, cash),
    /// then registry moves (credits, transfers, a freeze, a retirement, a suspension), one with a correlation id.
    /// </summary>
    private async Task<LedgerEngine> StartMixedAsync(string schema)
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 1, 0, 0));
        LedgerEngine engine = await LedgerEngine.StartAsync(new LedgerEngineOptions
        {
            ConnectionString = pg.ConnectionString, Schema = schema, Clock = clock,
        });
        var oracle = new ReferenceLedger();
        var generator = new RandomExchangeGenerator(11, oracle);
        for (int i = 0; i < 900; i++)
        {
            (LedgerCommand command, Instant at) = generator.Next();
            clock.Reset(at);
            oracle.Apply(command, at);
            await engine.SubmitAsync(command);
        }

        var c = new CommandFactory();
        int key = 0;
        string K() => $"reg-{++key}";
        LedgerCommand[] registry =
        [
            c.Open("reg", "ENT-X", AccountType.EnterpriseHolding, "xavier", K()),
            c.Open("reg", "ENT-Y", AccountType.EnterpriseHolding, "yvonne", K()),
            c.IssueAllowances("reg", "MEE", "ENT-X", "CEA-2024", 50_000, K()),
            c.IssueCredits("reg", "MEE", "ENT-X", "SHCER-2025", 1, 5_000, key: K()),
        ];
        foreach (LedgerCommand command in registry)
        {
            Assert.True((await engine.SubmitAsync(command)).Outcome.IsAccepted, command.GetType().Name);
        }

        var moves = new List<Task<CommandResult>>();
        for (int i = 0; i < 60; i++)
        {
            (string from, string actor, string to) = i % 2 == 0
                ? ("ENT-X", "xavier", "ENT-Y")
                : ("ENT-Y", "yvonne", "ENT-X");
            moves.Add(engine.SubmitAsync(c.Transfer(actor, from, to, i % 3 == 0 ? "SHCER-2025" : "CEA-2024",
                1 + (i % 7), key: K())));
        }

        await Task.WhenAll(moves);
        Assert.True((await engine.SubmitAsync(c.Freeze("reg", "ENT-X", "CEA-2024", 3, "COURT-7", key: K())))
            .Outcome.IsAccepted);
        Assert.True((await engine.SubmitAsync(c.Retire("xavier", "ENT-X", "CEA-2024", 17, key: K()),
            "corr-mixed")).Outcome.IsAccepted);
        Assert.True((await engine.SubmitAsync(c.Suspend("reg", "ENT-Y", key: K()))).Outcome.IsAccepted);
        return engine;
    }
}
