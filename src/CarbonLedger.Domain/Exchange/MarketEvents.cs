using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using NodaTime;

namespace CarbonLedger.Domain.Exchange;

/// <summary>An instrument was listed for trading with its first reference price.</summary>
public sealed record InstrumentListed(Instant At, InstrumentId Instrument, Price ReferencePrice) : ExchangeEvent(At);

/// <summary>
/// A trading day opened: earlier purchases settled (T+1), earlier proceeds became withdrawable, each listed
/// book opened (<see cref="Listings"/>) and orders no longer valid under the new band were cancelled.
/// </summary>
public sealed record TradingDayOpened(
    Instant At, LocalDate Date, IReadOnlyList<ListingDay> Listings, IReadOnlyList<UnitsSettled> Settled,
    IReadOnlyList<ProceedsReleased> Proceeds, IReadOnlyList<OrderExpiry> Cancelled) : ExchangeEvent(At);

/// <summary>A trading day closed: day orders and block declarations expired; each instrument's day is fixed.</summary>
public sealed record TradingDayClosed(
    Instant At, LocalDate Date, IReadOnlyList<DailyMarketData> MarketData, IReadOnlyList<OrderExpiry> Expired)
    : ExchangeEvent(At);
