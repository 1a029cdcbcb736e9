using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Trading;

namespace CarbonLedger.Domain.Exchange;

/// <summary>
/// A block (大宗协议) declaration: buy or sell ≥ 100,000 t at a price inside the ±30 % band, in the afternoon
/// session. With a <paramref name="Counterparty"/> it is a proposal only that account may confirm; without,
/// any other trading account may. The poster's units or cash (with the maximum fee) are held.
/// </summary>
public sealed record PostBlockOrder(
    IdempotencyKey Key, ActorId Actor, AccountId Account, InstrumentId Instrument, Side Side, Price Price,
    Co2e Quantity, AccountId? Counterparty = null)
    : ExchangeCommand(Key, Actor)
{
    internal override int TypeCode => 48;

    /// <inheritdoc />
    public override string? ShapeError() => Enum.IsDefined(Side) ? null : $"order side {(int)Side} is not buy or sell";

    private protected override void AddFields(ref CommandFingerprint f)
    {
        f.Add(Account);
        f.Add(Instrument);
        f.Add((long)Side);
        f.Add(Price.FenPerTonne);
        f.Add(Quantity);
        f.Add(Counterparty?.Value);
    }
}

/// <summary>The counterparty confirms a block declaration: it trades in full at its price and settles.</summary>
public sealed record ConfirmBlockOrder(IdempotencyKey Key, ActorId Actor, AccountId Account, long BlockOrderId)
    : ExchangeCommand(Key, Actor)
{
    internal override int TypeCode => 49;

    private protected override void AddFields(ref CommandFingerprint f)
    {
        f.Add(Account);
        f.Add(BlockOrderId);
    }
}

/// <summary>The poster withdraws an unconfirmed block declaration; its holds return.</summary>
public sealed record WithdrawBlockOrder(IdempotencyKey Key, ActorId Actor, AccountId Account, long BlockOrderId)
    : ExchangeCommand(Key, Actor)
{
    internal override int TypeCode => 50;

    private protected override void AddFields(ref CommandFingerprint f)
    {
        f.Add(Account);
        f.Add(BlockOrderId);
    }
}
