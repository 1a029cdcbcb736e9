using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using NodaTime;

namespace CarbonLedger.Domain.Exchange;

/// <summary>
/// A seller's one-way auction (单向竞价): <paramref name="Quantity"/> offered at no less than
/// <paramref name="FloorPrice"/>, bids accepted in <c>[WindowStart, WindowEnd)</c>. The units are held.
/// </summary>
public sealed record AnnounceAuction(
    IdempotencyKey Key, ActorId Actor, AccountId Account, InstrumentId Instrument, Co2e Quantity, Price FloorPrice,
    Instant WindowStart, Instant WindowEnd, AuctionPricing Pricing)
    : ExchangeCommand(Key, Actor)
{
    internal override int TypeCode => 51;

    /// <inheritdoc />
    public override string? ShapeError() =>
        Enum.IsDefined(Pricing) ? null : $"auction pricing {(int)Pricing} is not pay-as-bid or uniform";

    private protected override void AddFields(ref CommandFingerprint f)
    {
        f.Add(Account);
        f.Add(Instrument);
        f.Add(Quantity);
        f.Add(FloorPrice.FenPerTonne);
        f.Add(WindowStart.ToUnixTimeTicks());
        f.Add(WindowEnd.ToUnixTimeTicks());
        f.Add((long)Pricing);
    }
}

/// <summary>A bid in an auction's window; the price × quantity plus the maximum fee is held.</summary>
public sealed record PlaceBid(
    IdempotencyKey Key, ActorId Actor, AccountId Account, long AuctionId, Price Price, Co2e Quantity)
    : ExchangeCommand(Key, Actor)
{
    internal override int TypeCode => 52;

    private protected override void AddFields(ref CommandFingerprint f)
    {
        f.Add(Account);
        f.Add(AuctionId);
        f.Add(Price.FenPerTonne);
        f.Add(Quantity);
    }
}

/// <summary>The exchange operator closes an auction whose window has ended: allocation and settlement.</summary>
public sealed record CloseAuction(IdempotencyKey Key, ActorId Actor, long AuctionId) : ExchangeCommand(Key, Actor)
{
    internal override int TypeCode => 53;

    private protected override void AddFields(ref CommandFingerprint f) => f.Add(AuctionId);
}
