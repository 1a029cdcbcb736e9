using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Identity;

namespace CarbonLedger.Domain.Registry;

/// <summary>Which state change a <see cref="Plan"/> makes. Zero is deliberately not a mutation.</summary>
internal enum Mutation
{
    Move = 1,
    Issue = 2,
    Open = 3,
    Suspend = 4,
    Reinstate = 5,
    Close = 6,
}

/// <summary>
/// A validated command (or a journaled event) resolved to table indices: which mutation, and what
/// <c>Apply</c> needs for it, nothing else. Built by validation on the live path and from the event on
/// replay, so both paths run the same mutation code through the same dispatch.
/// </summary>
internal struct Plan
{
    public Mutation Mutation;
    public int Subject;
    public int Target;
    public int Instrument;
    public long Grams;
    public Bucket FromBucket;
    public Bucket ToBucket;
    public string? FromFreeze;
    public string? ToFreeze;
    public SerialRange[]? Serials;
    public Instruments.InstrumentId InstrumentId;
    public AccountId NewAccount;
    public AccountType NewType;
    public ActorId NewOwner;
}
