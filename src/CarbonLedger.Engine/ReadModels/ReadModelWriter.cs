using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Engine.Journal;

namespace CarbonLedger.Engine.ReadModels;

/// <summary>
/// Turns a batch of journal entries, and the ledger state right after them, into a handful of set-based
/// statements: upserts of the touched accounts and balances (current values from the core), inserts of
/// the statement lines (from the events), and replacement of the serial blocks of touched credit
/// instruments. The live writer and a rebuild use this same code, so a rebuilt read model equals the live
/// one by construction and the diff test checks that the construction holds.
/// </summary>
public sealed class ReadModelWriter(string schema)
{
    private readonly ExchangeReadModel _exchange = new(schema);

    /// <summary>
    /// The statements for <paramref name="entries"/> against <paramref name="ledger"/>'s current state.
    /// </summary>
    public IReadOnlyList<SqlCommandSpec> For(IReadOnlyList<JournalEntry> entries, Ledger ledger)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(ledger);
        var changes = new RegistryChanges();
        foreach (JournalEntry entry in entries)
        {
            changes.Add(entry);
        }

        var specs = new List<SqlCommandSpec>(4);
        specs.AddRange(State(changes, ledger));
        if (changes.Lines.Count > 0)
        {
            specs.Add(Statement(changes.Lines));
        }

        specs.AddRange(_exchange.For(entries, ledger));
        return specs;
    }

    /// <summary>
    /// The upserts of the registry's current-state tables (accounts, balances, serial blocks) for what
    /// <paramref name="changes"/> touched, with values from <paramref name="ledger"/>; no statement lines.
    /// </summary>
    internal IEnumerable<SqlCommandSpec> State(RegistryChanges changes, Ledger ledger)
    {
        if (changes.Accounts.Count > 0)
        {
            yield return Accounts(changes.Accounts, ledger);
        }

        if (changes.Positions.Count > 0)
        {
            yield return Balances(changes.Positions, ledger);
        }

        if (changes.CreditInstruments.Count > 0)
        {
            foreach (SqlCommandSpec spec in SerialHoldings(changes.CreditInstruments, ledger))
            {
                yield return spec;
            }
        }
    }

    /// <summary>What a run of entries touched in the registry's read models, and their statement lines.</summary>
    internal sealed class RegistryChanges
    {
        /// <summary>Accounts whose row changes, with the sequence of the last event that changed it.</summary>
        public Dictionary<AccountId, long> Accounts { get; } = [];

        /// <summary>Holdings with a statement line, with the sequence of the last one.</summary>
        public Dictionary<(AccountId, InstrumentId), long> Positions { get; } = [];

        /// <summary>Serial-numbered instruments whose blocks may have changed hands.</summary>
        public HashSet<InstrumentId> CreditInstruments { get; } = [];

        /// <summary>The statement lines, in journal order.</summary>
        public List<StatementLine> Lines { get; set; } = [];

        public void Add(JournalEntry entry)
        {
            long seq = entry.Stamp.Sequence;
            if (entry.Event is AccountOpened or AccountSuspended or AccountReinstated or AccountClosed)
            {
                Accounts[AccountOf(entry.Event)] = seq;
            }

            if (entry.Event is Domain.Exchange.ExchangeEvent exchange)
            {
                foreach (InstrumentId instrument in ExchangeStatementLines.InstrumentsOf(exchange))
                {
                    if (instrument.IsSerialNumbered)
                    {
                        CreditInstruments.Add(instrument);
                    }
                }
            }

            foreach (StatementLine line in StatementLines.Of(entry.Event, seq))
            {
                Lines.Add(line);
                Positions[(line.Account, line.Instrument)] = seq;
                if (line.Instrument.IsSerialNumbered)
                {
                    CreditInstruments.Add(line.Instrument);
                }
            }
        }
    }

    private static AccountId AccountOf(LedgerEvent e) => e switch
    {
        AccountOpened x => x.Account,
        AccountSuspended x => x.Account,
        AccountReinstated x => x.Account,
        AccountClosed x => x.Account,
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "not an account event"),
    };

    private SqlCommandSpec Accounts(Dictionary<AccountId, long> touched, Ledger ledger)
    {
        var infos = touched.Select(t => (Info: ledger.FindAccount(t.Key)!.Value, Seq: t.Value)).ToList();
        return new SqlCommandSpec(
            $"""
            INSERT INTO {schema}.rm_accounts (account, type, owner, status, last_seq)
            SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                                 CAST(? AS bigint[]))
            ON CONFLICT (account) DO UPDATE SET type = excluded.type, owner = excluded.owner,
                status = excluded.status, last_seq = excluded.last_seq
            """,
            [
                infos.Select(i => i.Info.Id.Value).ToArray(), infos.Select(i => i.Info.Type.ToString()).ToArray(),
                infos.Select(i => i.Info.Owner.Value).ToArray(), infos.Select(i => i.Info.Status.ToString()).ToArray(),
                infos.Select(i => i.Seq).ToArray(),
            ]);
    }

    private SqlCommandSpec Balances(Dictionary<(AccountId, InstrumentId), long> touched, Ledger ledger)
    {
        var rows = touched
            .Select(t => (t.Key.Item1, t.Key.Item2, P: ledger.GetPosition(t.Key.Item1, t.Key.Item2), t.Value))
            .ToList();
        return new SqlCommandSpec(
            $"""
            INSERT INTO {schema}.rm_balances
                (account, instrument, available, locked, unsettled, frozen, pledged, last_seq)
            SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS bigint[]), CAST(? AS bigint[]),
                                 CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS bigint[]))
            ON CONFLICT (account, instrument) DO UPDATE SET available = excluded.available,
                locked = excluded.locked, unsettled = excluded.unsettled, frozen = excluded.frozen,
                pledged = excluded.pledged, last_seq = excluded.last_seq
            """,
            [
                rows.Select(r => r.Item1.Value).ToArray(), rows.Select(r => r.Item2.ToString()).ToArray(),
                rows.Select(r => r.P.Available.Grams).ToArray(), rows.Select(r => r.P.Locked.Grams).ToArray(),
                rows.Select(r => r.P.Unsettled.Grams).ToArray(), rows.Select(r => r.P.Frozen.Grams).ToArray(),
                rows.Select(r => r.P.Pledged.Grams).ToArray(), rows.Select(r => r.Value).ToArray(),
            ]);
    }

    private SqlCommandSpec Statement(List<StatementLine> lines) => new(
        $"""
        INSERT INTO {schema}.rm_statement
            (account, seq, bucket, instrument, delta, event_type, counterparty, reference, at)
        SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS text[]),
                             CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                             CAST(? AS timestamptz[]))
        """,
        [
            lines.Select(l => l.Account.Value).ToArray(), lines.Select(l => l.Sequence).ToArray(),
            lines.Select(l => l.Bucket.ToString()).ToArray(), lines.Select(l => l.Instrument.ToString()).ToArray(),
            lines.Select(l => l.Delta.Grams).ToArray(), lines.Select(l => l.EventType).ToArray(),
            lines.Select(l => l.Counterparty).ToArray(), lines.Select(l => l.Reference).ToArray(),
            lines.Select(l => l.At.ToDateTimeOffset()).ToArray(),
        ]);

    private IEnumerable<SqlCommandSpec> SerialHoldings(HashSet<InstrumentId> instruments, Ledger ledger)
    {
        string[] names = instruments.Select(i => i.ToString()).ToArray();
        var blocks = ledger.AllSerialHoldings().Where(h => instruments.Contains(h.Instrument)).ToList();
        yield return new SqlCommandSpec(
            $"DELETE FROM {schema}.rm_serial_holdings WHERE instrument = ANY(CAST(? AS text[]))", [names]);
        yield return new SqlCommandSpec(
            $"""
            INSERT INTO {schema}.rm_serial_holdings (instrument, serial_start, serial_end, account, bucket, freeze_id)
            SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS text[]),
                                 CAST(? AS text[]), CAST(? AS text[]))
            """,
            [
                blocks.Select(b => b.Instrument.ToString()).ToArray(), blocks.Select(b => b.Serials.Start).ToArray(),
                blocks.Select(b => b.Serials.End).ToArray(), blocks.Select(b => b.Account.Value).ToArray(),
                blocks.Select(b => b.Bucket.ToString()).ToArray(), blocks.Select(b => b.FreezeId).ToArray(),
            ]);
    }
}
