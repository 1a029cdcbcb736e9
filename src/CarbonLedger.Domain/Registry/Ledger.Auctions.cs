using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Rules;
using CarbonLedger.Domain.Trading;
using NodaTime;
using static CarbonLedger.Domain.Registry.LedgerRejection;

namespace CarbonLedger.Domain.Registry;

/// <summary>One-way auctions (单向竞价, decision 0009): announce, bid, close with allocation by price then
/// time.</summary>
public sealed partial class Ledger
{
    private (LedgerRejection, LedgerEvent?) Announce(AnnounceAuction c, Instant at)
    {
        AssertShape(c);
        if (c.WindowEnd <= c.WindowStart || c.WindowEnd <= at)
        {
            return (AuctionWindowInvalid, null);
        }

        int listing = -1;
        LedgerRejection r = CheckTrader(c, c.Account, out int account);
        r = r != None ? r : CheckListed(c.Instrument, out listing);
        LocalDate date = at.InZone(_rules.Zone).Date;
        MarketRules? rules = null;
        if (r == None && !_rules.TryGetMarketRules(c.Instrument, TradingMode.Auction, date, out rules))
        {
            r = NoMarketRules;
        }

        if (r != None)
        {
            return (r, null);
        }

        Listing l = _x.Listings[listing];
        r = OrderRejections.ToLedger(AuctionRejection(rules!, c.Quantity.Grams, c.FloorPrice.FenPerTonne));
        r = r != None ? r : CheckCover(account, l.Instrument, Side.Sell, c.Quantity.Grams, 0);
        if (r != None)
        {
            return (r, null);
        }

        long id = ++_x.LastId;
        FeeSchedule fees = _rules.FeesFor(c.Instrument, TradingMode.Auction, date);
        ShiftUnits(account, l.Instrument, Bucket.Available, Bucket.Locked, c.Quantity.Grams);
        _x.Auctions.Add(id, new Auction
        {
            Id = id, Account = account, Listing = listing, Quantity = c.Quantity.Grams,
            Floor = c.FloorPrice.FenPerTonne, WindowStart = c.WindowStart, WindowEnd = c.WindowEnd,
            Pricing = c.Pricing, Fees = fees, Rules = rules!,
        });
        return (None, _capture
            ? new AuctionAnnounced(at, id, c.Account, c.Instrument, c.Quantity, c.FloorPrice, c.WindowStart,
                c.WindowEnd, c.Pricing, fees.Version)
            : null);
    }

    private static void AssertShape(AnnounceAuction c) =>
        Invariants.LedgerAssert.That(c.ShapeError() is null, c.ShapeError() ?? "");

    /// <summary>Rules 804 and 805: the exchange is set up and lists the instrument.</summary>
    private LedgerRejection CheckListed(Instruments.InstrumentId instrument, out int listing)
    {
        listing = -1;
        if (!ExchangeReady)
        {
            return ExchangeNotConfigured;
        }

        return _instrumentIndex.TryGetValue(instrument, out int ins)
            && _x.ListingByInstrument.TryGetValue(ins, out listing)
                ? None
                : InstrumentNotListed;
    }

    private (LedgerRejection, LedgerEvent?) Bid(PlaceBid c, Instant at)
    {
        LedgerRejection r = CheckBidder(c, out int account, out Auction? auction);
        if (r != None)
        {
            return (r, null);
        }

        long price = c.Price.FenPerTonne;
        long grams = c.Quantity.Grams;
        r = OrderRejections.ToLedger(AuctionRejection(auction!.Rules, grams, price));
        r = r != None ? r
            : price > BidCeiling(auction) ? OrderPriceOutsideBand
            : at < auction.WindowStart || at >= auction.WindowEnd ? BidOutsideWindow
            : price < auction.Floor ? BidBelowFloor
            : grams > auction.Quantity ? BidExceedsAuctionQuantity
            : None;
        long hold = r == None ? BuyHold(price, grams, auction.Fees.Buyer, 0) : 0;
        r = r != None ? r : CheckCover(account, _x.Listings[auction.Listing].Instrument, Side.Buy, grams, hold);
        if (r != None)
        {
            return (r, null);
        }

        long id = ++_x.LastId;
        HoldCash(account, hold);
        auction.Bids.Add(
            new AuctionBid { Id = id, Account = account, Price = price, Quantity = grams, HeldCash = hold });
        return (None, _capture
            ? new BidPlaced(at, id, auction.Id, _x.Listings[auction.Listing].Id, c.Account, c.Price, c.Quantity,
                new Money(hold))
            : null);
    }

    /// <summary>Rules 402, 413, 420, 602, 607, 701 and 703 for a bidder.</summary>
    private LedgerRejection CheckBidder(PlaceBid c, out int account, out Auction? auction)
    {
        auction = null;
        if (!_accountIndex.TryGetValue(c.Account, out account))
        {
            return AccountUnknown;
        }

        if (!_x.Auctions.TryGetValue(c.AuctionId, out auction))
        {
            return AuctionUnknown;
        }

        LedgerRejection holder = CheckTradingHolder(account, c.Actor);
        if (holder != None)
        {
            return holder;
        }

        return auction.Account == account ? CannotTradeWithSelf : CheckSubjectOpen(account);
    }

    private (LedgerRejection, LedgerEvent?) CloseAuctionNow(CloseAuction c, Instant at)
    {
        if (!_x.Auctions.TryGetValue(c.AuctionId, out Auction? auction))
        {
            return (AuctionUnknown, null);
        }

        LedgerRejection r = CheckOperator(c);
        r = r != None ? r
            : !ExchangeReady ? ExchangeNotConfigured
            : _x.OpenDay is null ? TradingDayNotOpen
            : None;
        if (r != None)
        {
            return (r, null);
        }

        if (at < auction.WindowEnd)
        {
            return (AuctionWindowNotEnded, null);
        }

        Listing l = _x.Listings[auction.Listing];
        List<AuctionBid> ranked = [.. auction.Bids.OrderByDescending(b => b.Price).ThenBy(b => b.Id)];
        long clearing = ClearingPrice(ranked, auction.Quantity);
        var seller = new OrderState
        {
            Account = auction.Account, Side = Side.Sell, Open = auction.Quantity, Rate = auction.Fees.Seller,
        };
        var allocations = new List<AuctionAllocation>(ranked.Count);
        foreach (AuctionBid bid in ranked)
        {
            allocations.Add(Allocate(auction, l, bid, ref seller, clearing));
        }

        long unsold = seller.Open;
        ShiftUnits(auction.Account, l.Instrument, Bucket.Locked, Bucket.Available, unsold);
        _x.Auctions.Remove(auction.Id);
        return (None, _capture
            ? new AuctionClosed(at, auction.Id, l.Id, _accounts[auction.Account].Id, new Price(clearing), allocations,
                new Co2e(unsold))
            : null);
    }

    /// <summary>The lowest winning price when bids ranked by price then time fill the quantity in turn; 0 when
    /// there is no bid.</summary>
    private static long ClearingPrice(List<AuctionBid> ranked, long quantity)
    {
        long remaining = quantity;
        long clearing = 0;
        foreach (AuctionBid bid in ranked)
        {
            if (remaining == 0)
            {
                break;
            }

            clearing = bid.Price;
            remaining -= Math.Min(remaining, bid.Quantity);
        }

        return clearing;
    }

    /// <summary>Fills one ranked bid from what the seller has left (a losing bid gets nothing and its hold
    /// back).</summary>
    private AuctionAllocation Allocate(Auction auction, Listing l, AuctionBid bid, ref OrderState seller, long clearing)
    {
        long take = Math.Min(seller.Open, bid.Quantity);
        var account = _accounts[bid.Account].Id;
        if (take == 0)
        {
            ReleaseCash(bid.Account, bid.HeldCash);
            return new AuctionAllocation(bid.Id, account, Co2e.Zero, default, 0, Money.Zero, Money.Zero,
                new Money(bid.HeldCash), s_noRanges);
        }

        long price = auction.Pricing == AuctionPricing.PayAsBid ? bid.Price : clearing;
        var buyer = new OrderState
        {
            Account = bid.Account, Side = Side.Buy, Limit = bid.Price, Open = take, HeldCash = bid.HeldCash,
            Rate = auction.Fees.Buyer,
        };
        (long buyerFee, long sellerFee, SerialRange[] serials) =
            Settle(ref buyer, ref seller, l.Instrument, price, take);
        long value = ValueOf(price, take);
        l.Day.AuctionVolume = checked(l.Day.AuctionVolume + take);
        l.Day.AuctionTurnover = checked(l.Day.AuctionTurnover + value);
        l.Day.Trades++;
        long tradeId = ++_x.LastTradeId;
        return new AuctionAllocation(bid.Id, account, new Co2e(take), new Price(price), tradeId, new Money(buyerFee),
            new Money(sellerFee), new Money(bid.HeldCash - value - buyerFee), serials);
    }

    /// <summary>The highest bid an auction takes: the top of its rules' band around the floor (the default
    /// auction rules: twice the floor), never above <see cref="LedgerLimits.MaxPrice"/>.</summary>
    private long BidCeiling(Auction auction) => Math.Min(
        auction.Rules.BandAround(new Price(auction.Floor)).Upper.FenPerTonne, _limits.MaxPrice.FenPerTonne);

    /// <summary>The quantity and price checks of an auction's offer or bid (the matching core's codes).</summary>
    private OrderRejection AuctionRejection(MarketRules rules, long grams, long price) =>
        grams <= 0 ? OrderRejection.QuantityNotPositive
        : grams % rules.Lot.Grams != 0 ? OrderRejection.QuantityNotLotMultiple
        : grams < rules.MinimumQuantity.Grams ? OrderRejection.QuantityBelowMinimum
        : grams > Math.Min(rules.MaximumQuantity.Grams, _limits.MaxQuantityPerCommand.Grams)
            ? OrderRejection.QuantityAboveMaximum
        : price <= 0 ? OrderRejection.PriceNotPositive
        : price % rules.Tick.FenPerTonne != 0 ? OrderRejection.PriceOffTick
        : price > _limits.MaxPrice.FenPerTonne ? OrderRejection.PriceOutsideBand
        : OrderRejection.None;
}
