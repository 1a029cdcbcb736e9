using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Rules;
using CarbonLedger.Domain.Trading;
using NodaTime;

namespace CarbonLedger.Domain.Exchange;

/// <summary>How one listed instrument opened a trading day: its reference price and both bands.</summary>
public sealed record ListingDay(
    InstrumentId Instrument, Price PreviousClose, PriceBand ListedBand, PriceBand BlockBand, string RulesVersion);

/// <summary>
/// An order (or block declaration) removed without trading by the day's open or close, with the units
/// (<see cref="Quantity"/>, sells) or cash (<see cref="CashReleased"/>, buys) its hold returned.
/// </summary>
public sealed record OrderExpiry(
    long OrderId, AccountId Account, InstrumentId Instrument, Side Side, Co2e Quantity, Money CashReleased,
    CancelReason Reason);

/// <summary>Units bought on an earlier trading day that became available (T+1).</summary>
public sealed record UnitsSettled(AccountId Account, InstrumentId Instrument, Co2e Quantity);

/// <summary>Sale proceeds received on an earlier trading day that became withdrawable.</summary>
public sealed record ProceedsReleased(AccountId Account, Money Amount);

/// <summary>
/// One instrument's trading day: open, high, low and close of the listed trades (the close is their
/// volume-weighted average; with no listed trade all four are the previous close), and volume and turnover
/// per mode (block and auction trades never set prices).
/// </summary>
public sealed record DailyMarketData(
    InstrumentId Instrument, LocalDate Date, Price PreviousClose, Price Open, Price High, Price Low, Price Close,
    Co2e ListedVolume, Money ListedTurnover, Co2e BlockVolume, Money BlockTurnover, Co2e AuctionVolume,
    Money AuctionTurnover, int Trades);
