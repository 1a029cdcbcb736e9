using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Trading;
using NodaTime;

namespace CarbonLedger.Domain.Exchange;

/// <summary>A block declaration (or a proposal to <see cref="Counterparty"/>) was posted and its hold taken.</summary>
public sealed record BlockOrderPosted(
    Instant At, long BlockOrderId, AccountId Account, InstrumentId Instrument, Side Side, Price Price,
    Co2e Quantity, AccountId? Counterparty, Money Hold, string RulesVersion, string FeesVersion)
    : ExchangeEvent(At);

/// <summary>
/// A block declaration was confirmed by <see cref="Confirmer"/>: one trade, settled delivery-versus-payment with
/// its fees; <see cref="CashReleased"/> is what the buyer's hold returned beyond the price and fee.
/// </summary>
public sealed record BlockTradeConfirmed(
    Instant At, long BlockOrderId, AccountId Confirmer, long TradeId, InstrumentId Instrument, AccountId Buyer,
    AccountId Seller,
    Price Price, Co2e Quantity, Money BuyerFee, Money SellerFee, Money CashReleased,
    IReadOnlyList<SerialRange> Serials) : ExchangeEvent(At);

/// <summary>The poster withdrew a block declaration; its hold returned.</summary>
public sealed record BlockOrderWithdrawn(
    Instant At, long BlockOrderId, AccountId Account, InstrumentId Instrument, Side Side, Co2e Quantity,
    Money CashReleased) : ExchangeEvent(At);
