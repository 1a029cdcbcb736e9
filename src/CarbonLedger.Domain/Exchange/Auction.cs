using CarbonLedger.Domain.Rules;
using NodaTime;

namespace CarbonLedger.Domain.Exchange;

/// <summary>An open one-way auction: the seller's terms and the bids so far, in arrival order.</summary>
internal sealed class Auction
{
    public long Id { get; init; }

    public int Account { get; init; }

    public int Listing { get; init; }

    public long Quantity { get; init; }

    public long Floor { get; init; }

    public Instant WindowStart { get; init; }

    public Instant WindowEnd { get; init; }

    public AuctionPricing Pricing { get; init; }

    public FeeSchedule Fees { get; init; } = null!;

    public MarketRules Rules { get; init; } = null!;

    public List<AuctionBid> Bids { get; } = [];
}

/// <summary>A bid in an open auction and the cash it holds.</summary>
internal sealed class AuctionBid
{
    public long Id { get; init; }

    public int Account { get; init; }

    public long Price { get; init; }

    public long Quantity { get; init; }

    public long HeldCash { get; set; }
}
