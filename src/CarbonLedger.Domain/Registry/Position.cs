using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Registry;

/// <summary>The buckets of one account × instrument holding.</summary>
public readonly record struct Position(Co2e Available, Co2e Locked, Co2e Unsettled, Co2e Frozen, Co2e Pledged)
{
    /// <summary>Everything held, in all buckets.</summary>
    public Co2e Total => Available + Locked + Unsettled + Frozen + Pledged;

    /// <summary>True when every bucket is zero.</summary>
    public bool IsEmpty => Total == Co2e.Zero;

    /// <summary>The quantity in one bucket.</summary>
    public Co2e this[Bucket bucket] => bucket switch
    {
        Bucket.Available => Available,
        Bucket.Locked => Locked,
        Bucket.Unsettled => Unsettled,
        Bucket.Frozen => Frozen,
        Bucket.Pledged => Pledged,
        _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, "unknown bucket"),
    };
}
