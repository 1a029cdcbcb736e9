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
        var accounts = new Dictionary<AccountId, long>();
        var positions = new Dictionary<(AccountId, InstrumentId), long>();
        var creditInstruments = new HashSet<InstrumentId>();
        var lines = new List<StatementLine>();
        foreach (JournalEntry entry in entries)
        {
            long seq = entry.Stamp.Sequence;
            if (entry.Event is AccountOpened or AccountSuspended or AccountReinstated or AccountClosed)
            {
                accounts[AccountOf(entry.Event)] = seq;
            }

            if (entry.Event is Domain.Exchange.ExchangeEvent exchange)
            {
                creditInstruments.UnionWith(
                    ExchangeStatementLines.InstrumentsOf(exchange).Where(i => i.IsSerialNumbered));
            }

            foreach (StatementLine line in StatementLines.Of(entry.Event, seq))
            {
                lines.Add(line);
                positions[(line.Account, line.Instrument)] = seq;
                if (line.Instrument.IsSerialNumbered)
                {
                    creditInstruments.Add(line.Instrument);
                }
            }
        }

        var specs = new List<SqlCommandSpec>(4);
        if (accounts.Count > 0)
        {
            specs.Add(Accounts(accounts, ledger));
        }

        if (positions.Count > 0)
        {
            specs.Add(Balances(positions, ledger));
            specs.Add(Statement(lines));
        }

        if (creditInstruments.Count > 0)
        {
            specs.AddRange(SerialHoldings(creditInstruments, ledger));
        }

        specs.AddRange(_exchange.For(entries, ledger));
        return specs;
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
