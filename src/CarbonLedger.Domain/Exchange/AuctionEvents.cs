using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using NodaTime;

namespace CarbonLedger.Domain.Exchange;

/// <summary>A seller's one-way auction was announced and the units held.</summary>
public sealed record AuctionAnnounced(
    Instant At, long AuctionId, AccountId Account, InstrumentId Instrument, Co2e Quantity, Price FloorPrice,
    Instant WindowStart, Instant WindowEnd, AuctionPricing Pricing, string FeesVersion) : ExchangeEvent(At);

/// <summary>A bid was placed in an auction and its cash held.</summary>
public sealed record BidPlaced(
    Instant At, long BidId, long AuctionId, InstrumentId Instrument, AccountId Account, Price Price, Co2e Quantity,
    Money Hold)
    : ExchangeEvent(At);

/// <summary>
/// One bid's result at the close: the quantity won (zero for a losing bid) at <see cref="Price"/>, its
/// trade and fees, and the cash its hold returned.
/// </summary>
public sealed record AuctionAllocation(
    long BidId, AccountId Account, Co2e Quantity, Price Price, long TradeId, Money BuyerFee, Money SellerFee,
    Money CashReleased, IReadOnlyList<SerialRange> Serials);

/// <summary>
/// An auction closed: bids ranked by price then time were filled until the quantity ran out, each winner
/// settled; <see cref="Unsold"/> units returned to the seller. <see cref="ClearingPrice"/> is the lowest
/// winning price (zero when nothing sold).
/// </summary>
public sealed record AuctionClosed(
    Instant At, long AuctionId, InstrumentId Instrument, AccountId Seller, Price ClearingPrice,
    IReadOnlyList<AuctionAllocation> Allocations, Co2e Unsold) : ExchangeEvent(At);
