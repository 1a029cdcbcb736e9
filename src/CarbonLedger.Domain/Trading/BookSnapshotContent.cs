using System.Collections.Immutable;
using CarbonLedger.Domain.Instruments;

namespace CarbonLedger.Domain.Trading;

/// <summary>A decoded <see cref="BookSnapshot"/>: what a book restores from.</summary>
public sealed record BookSnapshotContent(
    InstrumentId Instrument,
    TradingDay Day,
    bool DayClosed,
    long LastTradeId,
    ImmutableArray<RestingOrder> Bids,
    ImmutableArray<RestingOrder> Asks);
