using CarbonLedger.Domain.Accounts;

namespace CarbonLedger.Domain.Credits;

/// <summary>
/// One contiguous run of serials with one holder, bucket and freeze id, from one issuance. Blocks of an
/// instrument never overlap and together cover exactly the issued serials (invariant I4).
/// </summary>
internal readonly record struct SerialBlock(
    SerialRange Range, int Account, Bucket Bucket, string? FreezeId, int Issuance)
{
    /// <summary>True when two blocks may merge: same holder, bucket, freeze and issuance.</summary>
    public bool SameAttributes(SerialBlock other) =>
        Account == other.Account && Bucket == other.Bucket && Issuance == other.Issuance
        && string.Equals(FreezeId, other.FreezeId, StringComparison.Ordinal);
}
