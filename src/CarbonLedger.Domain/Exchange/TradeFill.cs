using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Exchange;

/// <summary>
/// One trade of a listed order against a resting maker, at the maker's price, settled delivery-versus-payment
/// in the same event: units seller → buyer (unsettled until the next trading day), cash buyer → seller, the
/// two fees to the exchange fee account. <see cref="TradeId"/> numbers every trade of the exchange (all
/// instruments and modes) 1, 2, 3, …; <see cref="Serials"/> lists the credit serials delivered (empty for
/// allowances). Replay compares fills by content through <see cref="EventContent"/>.
/// </summary>
public sealed record TradeFill(
    long TradeId, Price Price, Co2e Quantity, long MakerOrder, AccountId MakerAccount, Co2e MakerRemaining,
    Money BuyerFee, Money SellerFee, IReadOnlyList<SerialRange> Serials);
