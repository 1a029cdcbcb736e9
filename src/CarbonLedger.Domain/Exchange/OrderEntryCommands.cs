using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Trading;

namespace CarbonLedger.Domain.Exchange;

/// <summary>
/// A listed-mode (挂牌协议) order from a trading account. The core assigns the order id. A buy holds
/// limit × quantity plus the maximum fee in cash, a sell holds the units; the order then matches, and every
/// fill settles delivery-versus-payment in the same step. <paramref name="Price"/> is ignored for market
/// orders and picks; <paramref name="Listing"/> names the picked resting order (picks only).
/// </summary>
public sealed record PlaceOrder(
    IdempotencyKey Key, ActorId Actor, AccountId Account, InstrumentId Instrument, Side Side, OrderType Type,
    TimeInForce TimeInForce, Price Price, Co2e Quantity, long Listing = 0)
    : ExchangeCommand(Key, Actor)
{
    internal override int TypeCode => 45;

    /// <inheritdoc />
    public override string? ShapeError() =>
        !Enum.IsDefined(Side) ? $"order side {(int)Side} is not buy or sell"
        : !Enum.IsDefined(Type) ? $"order type {(int)Type} is not limit, market or pick"
        : !Enum.IsDefined(TimeInForce) ? $"time in force {(int)TimeInForce} is not GTC, day, IOC or FOK"
        : Type != OrderType.Limit && Price != default ? $"a {Type} order carries no price (send 0)"
        : (Type == OrderType.Pick) != (Listing != 0) ? "a pick names its listing, other orders name none"
        : null;

    private protected override void AddFields(ref CommandFingerprint f)
    {
        f.Add(Account);
        f.Add(Instrument);
        f.Add((long)Side);
        f.Add((long)Type);
        f.Add((long)TimeInForce);
        f.Add(Price.FenPerTonne);
        f.Add(Quantity);
        f.Add(Listing);
    }
}

/// <summary>Cancels a resting order of the account; its holds return. Works outside trading hours too.</summary>
public sealed record CancelOrder(IdempotencyKey Key, ActorId Actor, AccountId Account, long OrderId)
    : ExchangeCommand(Key, Actor)
{
    internal override int TypeCode => 46;

    private protected override void AddFields(ref CommandFingerprint f)
    {
        f.Add(Account);
        f.Add(OrderId);
    }
}

/// <summary>
/// Amends a resting order to a new price and open quantity: the same price with a smaller quantity keeps
/// its time priority, anything else re-enters (and may trade). Holds follow the new terms.
/// </summary>
public sealed record AmendOrder(
    IdempotencyKey Key, ActorId Actor, AccountId Account, long OrderId, Price Price, Co2e Quantity)
    : ExchangeCommand(Key, Actor)
{
    internal override int TypeCode => 47;

    private protected override void AddFields(ref CommandFingerprint f)
    {
        f.Add(Account);
        f.Add(OrderId);
        f.Add(Price.FenPerTonne);
        f.Add(Quantity);
    }
}
