using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using NodaTime;

namespace CarbonLedger.Domain.Exchange;

/// <summary>
/// The exchange operator lists an instrument for trading, with the reference price that stands as the
/// previous close of its first trading day. The instrument must have been issued.
/// </summary>
public sealed record ListInstrument(IdempotencyKey Key, ActorId Actor, InstrumentId Instrument, Price ReferencePrice)
    : ExchangeCommand(Key, Actor)
{
    internal override int TypeCode => 42;

    private protected override void AddFields(ref CommandFingerprint f)
    {
        f.Add(Instrument);
        f.Add(ReferencePrice.FenPerTonne);
    }
}

/// <summary>
/// The exchange operator opens trading day <paramref name="Date"/>: units bought and cash received on the
/// previous trading day settle (T+1), and every listed book opens with its band around the previous close.
/// </summary>
public sealed record OpenTradingDay(IdempotencyKey Key, ActorId Actor, LocalDate Date)
    : ExchangeCommand(Key, Actor)
{
    internal override int TypeCode => 43;

    private protected override void AddFields(ref CommandFingerprint f) => f.Add(Date);
}

/// <summary>
/// The exchange operator closes the open trading day: day orders and open block declarations expire and
/// each instrument's close (listed VWAP, or the previous close) and daily market data are fixed.
/// </summary>
public sealed record CloseTradingDay(IdempotencyKey Key, ActorId Actor, LocalDate Date)
    : ExchangeCommand(Key, Actor)
{
    internal override int TypeCode => 44;

    private protected override void AddFields(ref CommandFingerprint f) => f.Add(Date);
}
