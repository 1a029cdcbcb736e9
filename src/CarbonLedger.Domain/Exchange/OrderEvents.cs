using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Trading;
using NodaTime;

namespace CarbonLedger.Domain.Exchange;

/// <summary>
/// A listed order was accepted with id <see cref="OrderId"/> under the named rule and fee versions, its
/// hold taken (<see cref="Hold"/>: cash for a buy, zero for a sell, whose units are held), matched, and every
/// fill settled. <see cref="Status"/> and <see cref="Open"/> say how it ended this step.
/// </summary>
public sealed record OrderPlaced(
    Instant At, long OrderId, AccountId Account, InstrumentId Instrument, Side Side, OrderType Type,
    TimeInForce TimeInForce, Price Price, Co2e Quantity, long Listing, string RulesVersion, string FeesVersion,
    Money Hold, IReadOnlyList<TradeFill> Fills, OrderStatus Status, Co2e Open, CancelReason CancelReason)
    : ExchangeEvent(At);

/// <summary>A resting order was cancelled by its owner; its open units or held cash returned.</summary>
public sealed record OrderCancelled(
    Instant At, long OrderId, AccountId Account, InstrumentId Instrument, Side Side, Co2e Quantity,
    Money CashReleased) : ExchangeEvent(At);

/// <summary>
/// A resting order was amended from <see cref="PreviousPrice"/> and <see cref="PreviousOpen"/> to
/// <see cref="Price"/> and open <see cref="Quantity"/>; if it lost its priority it re-entered and may have
/// traded (<see cref="Fills"/>).
/// </summary>
public sealed record OrderAmended(
    Instant At, long OrderId, AccountId Account, InstrumentId Instrument, Side Side, Price PreviousPrice,
    Co2e PreviousOpen, Price Price, Co2e Quantity, bool PriorityKept, IReadOnlyList<TradeFill> Fills,
    OrderStatus Status, Co2e Open, CancelReason CancelReason)
    : ExchangeEvent(At);
