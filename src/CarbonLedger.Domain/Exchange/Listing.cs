using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Rules;
using CarbonLedger.Domain.Trading;

namespace CarbonLedger.Domain.Exchange;

/// <summary>
/// A listed instrument: its book, the day's rules and fees per mode, its reference price and the open day's
/// statistics (for the close and the daily market data). Owned by the core's single writer.
/// </summary>
internal sealed class Listing(InstrumentId id, int instrument, long referencePrice)
{
    public InstrumentId Id { get; } = id;

    /// <summary>The instrument's index in the ledger's tables.</summary>
    public int Instrument { get; } = instrument;

    /// <summary>The previous close, fen per tonne: the band reference of the next day.</summary>
    public long PreviousClose { get; set; } = referencePrice;

    public OrderBook? Book { get; set; }

    public TradingDay? BlockDay { get; set; }

    public FeeSchedule? ListedFees { get; set; }

    public FeeSchedule? BlockFees { get; set; }

    public DayStatistics Day;
}

/// <summary>One instrument's running numbers for the open trading day (prices fen/t, 0 = no listed trade).</summary>
internal struct DayStatistics
{
    public long Open;
    public long High;
    public long Low;
    public long ListedVolume;
    public long ListedTurnover;
    public long BlockVolume;
    public long BlockTurnover;
    public long AuctionVolume;
    public long AuctionTurnover;
    public int Trades;
}
