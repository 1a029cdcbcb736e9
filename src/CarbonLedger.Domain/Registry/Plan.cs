using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Credits;

namespace CarbonLedger.Domain.Registry;

/// <summary>
/// A validated command (or a journaled event) resolved to table indices: what <c>Apply</c> needs and
/// nothing else. Built by validation on the live path and from the event on replay, so both paths run the
/// same mutation code.
/// </summary>
internal struct Plan
{
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
}
