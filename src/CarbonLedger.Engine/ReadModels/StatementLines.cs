using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Engine.Journal;

namespace CarbonLedger.Engine.ReadModels;

/// <summary>
/// Derives statement lines from an event alone (pure), so the live writer and a rebuild produce the same
/// lines. Every unit movement yields one line per bucket it changed; lines of one event sum to zero
/// except issuance, which creates units.
/// </summary>
public static class StatementLines
{
    /// <summary>The lines of <paramref name="e"/>, journaled at <paramref name="sequence"/>.</summary>
    public static IReadOnlyList<StatementLine> Of(LedgerEvent e, long sequence)
    {
        ArgumentNullException.ThrowIfNull(e);
        string type = EventAliases.Of(e);
        StatementLine Line(AccountId account, Bucket bucket, UnitsEvent u, bool credit, string? other,
            string? reference) =>
            new(account, sequence, bucket, u.Instrument, credit ? u.Quantity : new Co2e(checked(-u.Quantity.Grams)),
                type, other, reference, e.At);

        return e switch
        {
            AllowancesIssued x =>
                [Line(x.To, Bucket.Available, new(x.Instrument, x.Quantity), true, x.Authority.Value, null)],
            CreditsIssued x => [Line(x.To, Bucket.Available, new(x.Instrument, Co2e.FromTonnes(x.Serials.Count)), true,
                x.Authority.Value, x.Serials.ToString())],
            UnitsTransferred x => Pair(Line, x.From, x.To, new(x.Instrument, x.Quantity), null),
            UnitsRetired x =>
                Pair(Line, x.Account, SinkAccounts.Retired, new(x.Instrument, x.Quantity), x.CertificateId),
            UnitsCancelled x => Pair(Line, x.Account, SinkAccounts.Cancelled, new(x.Instrument, x.Quantity), x.Reason),
            UnitsSurrendered x => Pair(Line, x.Account, SinkAccounts.Surrendered, new(x.Instrument, x.Quantity),
                x.ComplianceYear.ToString()),
            UnitsForceSurrendered x => x.FreezeId is null
                ? Pair(Line, x.Account, SinkAccounts.Surrendered, new(x.Instrument, x.Quantity),
                    x.ComplianceYear.ToString())
                :
                [
                    Line(x.Account, Bucket.Frozen, new(x.Instrument, x.Quantity), false, SinkAccounts.Surrendered.Value,
                        x.FreezeId),
                    Line(SinkAccounts.Surrendered, Bucket.Available, new(x.Instrument, x.Quantity), true,
                        x.Account.Value, x.ComplianceYear.ToString()),
                ],
            UnitsClawedBack x => Pair(Line, x.Account, x.Authority, new(x.Instrument, x.Quantity), x.Reason),
            UnitsFrozen x =>
            [
                Line(x.Account, Bucket.Available, new(x.Instrument, x.Quantity), false, null, x.FreezeId),
                Line(x.Account, Bucket.Frozen, new(x.Instrument, x.Quantity), true, null, x.FreezeId),
            ],
            UnitsUnfrozen x =>
            [
                Line(x.Account, Bucket.Frozen, new(x.Instrument, x.Quantity), false, null, x.FreezeId),
                Line(x.Account, Bucket.Available, new(x.Instrument, x.Quantity), true, null, x.FreezeId),
            ],
            Domain.Exchange.ExchangeEvent x => ExchangeStatementLines.Of(x, sequence, type),
            _ => [],
        };
    }

    private static StatementLine[] Pair(
        Func<AccountId, Bucket, UnitsEvent, bool, string?, string?, StatementLine> line, AccountId from, AccountId to,
        UnitsEvent units, string? reference) =>
    [
        line(from, Bucket.Available, units, false, to.Value, reference),
        line(to, Bucket.Available, units, true, from.Value, reference),
    ];

    /// <summary>What moved: an instrument and a quantity.</summary>
    private readonly record struct UnitsEvent(Domain.Instruments.InstrumentId Instrument, Co2e Quantity);
}
