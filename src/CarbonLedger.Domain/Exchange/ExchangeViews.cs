using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Rules;
using CarbonLedger.Domain.Trading;
using NodaTime;

namespace CarbonLedger.Domain.Exchange;

/// <summary>A live listed order as the exchange holds it: open quantity, hold, what it has traded and paid.</summary>
public readonly record struct LiveOrderInfo(
    long OrderId, AccountId Account, InstrumentId Instrument, Side Side, TimeInForce TimeInForce, Price Limit,
    Co2e Open, Money HeldCash, Money Traded, Money FeesPaid);

/// <summary>An open block declaration (no counterparty: public).</summary>
public readonly record struct BlockOrderInfo(
    long BlockOrderId, AccountId Account, InstrumentId Instrument, Side Side, Price Price, Co2e Quantity,
    AccountId? Counterparty, Money HeldCash);

/// <summary>A bid in an open auction.</summary>
public readonly record struct BidInfo(long BidId, AccountId Account, Price Price, Co2e Quantity, Money HeldCash);

/// <summary>An open auction and its bids in arrival order.</summary>
public sealed record AuctionInfo(
    long AuctionId, AccountId Seller, InstrumentId Instrument, Co2e Quantity, Price Floor, Instant WindowStart,
    Instant WindowEnd, AuctionPricing Pricing, IReadOnlyList<BidInfo> Bids);

/// <summary>A listed instrument: its reference (previous close) and, while a day is open, its bands.</summary>
public readonly record struct ListingInfo(
    InstrumentId Instrument, Price PreviousClose, PriceBand? ListedBand, PriceBand? BlockBand, int RestingOrders);
