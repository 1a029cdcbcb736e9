namespace CarbonLedger.Domain.Accounts;

/// <summary>
/// Where a holding sits inside one account × instrument position. Sell, transfer, surrender, retire,
/// cancel and pledge act only on <see cref="Available"/> (domain §10.1). Stable numeric values.
/// </summary>
public enum Bucket
{
    /// <summary>Free to move.</summary>
    Available = 1,

    /// <summary>Locked by resting sell orders.</summary>
    Locked = 2,

    /// <summary>Bought today; sellable from the next trading day (T+1).</summary>
    Unsettled = 3,

    /// <summary>Frozen by an authority (judicial or administrative), with a freeze id and reason.</summary>
    Frozen = 4,

    /// <summary>Encumbered by a pledge.</summary>
    Pledged = 5,
}
