using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;

namespace CarbonLedger.Domain.Registry;

/// <summary>An account row of the core's table.</summary>
internal record struct AccountRecord(AccountId Id, AccountType Type, ActorId Owner, AccountStatus Status);

/// <summary>An instrument row: total issued (grams) and, for credits, the serial book.</summary>
internal record struct InstrumentRecord(InstrumentId Id, long IssuedGrams, SerialBook? Serials, int Issuances);

/// <summary>An account × instrument row: one long per bucket, in grams.</summary>
internal struct PositionRecord
{
    public int Account;
    public int Instrument;
    public long Available;
    public long Locked;
    public long Unsettled;
    public long Frozen;
    public long Pledged;

    public readonly long Total => checked(Available + Locked + Unsettled + Frozen + Pledged);

    /// <summary>The bucket field of a position, by reference (a struct may not return its own field by ref).</summary>
    public static ref long Slot(ref PositionRecord position, Bucket bucket)
    {
        switch (bucket)
        {
            case Accounts.Bucket.Available: return ref position.Available;
            case Accounts.Bucket.Locked: return ref position.Locked;
            case Accounts.Bucket.Unsettled: return ref position.Unsettled;
            case Accounts.Bucket.Frozen: return ref position.Frozen;
            case Accounts.Bucket.Pledged: return ref position.Pledged;
            default: throw new ArgumentOutOfRangeException(nameof(bucket), bucket, "unknown bucket");
        }
    }
}

/// <summary>What the idempotency table remembers of an accepted command.</summary>
internal readonly record struct IdempotencyRecord(ulong Fingerprint, long Sequence);

/// <summary>A freeze order: where it applies and what remains frozen under it.</summary>
internal sealed class FreezeRecord(int account, int instrument)
{
    public int Account { get; } = account;

    public int Instrument { get; } = instrument;

    public long RemainingGrams { get; set; }
}
