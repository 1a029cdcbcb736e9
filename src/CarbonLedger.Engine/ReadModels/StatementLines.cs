using CarbonLedger.Domain.Accounts;
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
    public static IEnumerable<StatementLine> Of(LedgerEvent e, long sequence)
    {
        ArgumentNullException.ThrowIfNull(e);
        string type = EventAliases.Of(e);
        switch (e)
        {
            case AllowancesIssued x:
                yield return new(x.To, sequence, Bucket.Available, x.Instrument, x.Quantity, type, x.Authority.Value, null, x.At);
                break;
            case CreditsIssued x:
                yield return new(x.To, sequence, Bucket.Available, x.Instrument, Domain.Quantities.Co2e.FromTonnes(x.Serials.Count),
                    type, x.Authority.Value, x.Serials.ToString(), x.At);
                break;
            case UnitsTransferred x:
                yield return new(x.From, sequence, Bucket.Available, x.Instrument, Negate(x.Quantity), type, x.To.Value, null, x.At);
                yield return new(x.To, sequence, Bucket.Available, x.Instrument, x.Quantity, type, x.From.Value, null, x.At);
                break;
            case UnitsRetired x:
                yield return new(x.Account, sequence, Bucket.Available, x.Instrument, Negate(x.Quantity), type,
                    SinkAccounts.Retired.Value, x.CertificateId, x.At);
                yield return new(SinkAccounts.Retired, sequence, Bucket.Available, x.Instrument, x.Quantity, type,
                    x.Account.Value, x.CertificateId, x.At);
                break;
            case UnitsCancelled x:
                yield return new(x.Account, sequence, Bucket.Available, x.Instrument, Negate(x.Quantity), type,
                    SinkAccounts.Cancelled.Value, x.Reason, x.At);
                yield return new(SinkAccounts.Cancelled, sequence, Bucket.Available, x.Instrument, x.Quantity, type,
                    x.Account.Value, x.Reason, x.At);
                break;
            case UnitsSurrendered x:
                yield return new(x.Account, sequence, Bucket.Available, x.Instrument, Negate(x.Quantity), type,
                    SinkAccounts.Surrendered.Value, x.ComplianceYear.ToString(), x.At);
                yield return new(SinkAccounts.Surrendered, sequence, Bucket.Available, x.Instrument, x.Quantity, type,
                    x.Account.Value, x.ComplianceYear.ToString(), x.At);
                break;
            case UnitsFrozen x:
                yield return new(x.Account, sequence, Bucket.Available, x.Instrument, Negate(x.Quantity), type, null, x.FreezeId, x.At);
                yield return new(x.Account, sequence, Bucket.Frozen, x.Instrument, x.Quantity, type, null, x.FreezeId, x.At);
                break;
            case UnitsUnfrozen x:
                yield return new(x.Account, sequence, Bucket.Frozen, x.Instrument, Negate(x.Quantity), type, null, x.FreezeId, x.At);
                yield return new(x.Account, sequence, Bucket.Available, x.Instrument, x.Quantity, type, null, x.FreezeId, x.At);
                break;
            default:
                break;
        }
    }

    private static Domain.Quantities.Co2e Negate(Domain.Quantities.Co2e q) => new(checked(-q.Grams));
}
