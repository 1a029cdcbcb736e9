using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Rules;
using CarbonLedger.Domain.Trading;
using NodaTime;

namespace CarbonLedger.Testing.Reference;

/// <summary>The effects of accepted exchange commands, and the events the real core must produce.</summary>
public sealed partial class ReferenceLedger
{
    private LedgerEvent ApplyExchange(ExchangeCommand command, Instant at) => command switch
    {
        DepositCash c => Deposit(c, at),
        WithdrawCash c => Withdraw(c, at),
        ListInstrument c => ListNow(c, at),
        OpenTradingDay c => OpenDayNow(c, at),
        CloseTradingDay c => CloseDayNow(c, at),
        PlaceOrder c => PlaceNow(c, at),
        CancelOrder c => CancelNow(c, at),
        AmendOrder c => AmendNow(c, at),
        PostBlockOrder c => PostBlockNow(c, at),
        ConfirmBlockOrder c => ConfirmBlockNow(c, at),
        WithdrawBlockOrder c => WithdrawBlockNow(c, at),
        AnnounceAuction c => AnnounceNow(c, at),
        PlaceBid c => BidNow(c, at),
        CloseAuction c => CloseAuctionNow(c, at),
        _ => throw new NotSupportedException($"oracle does not know {command.GetType().Name}"),
    };

    private CashDeposited Deposit(DepositCash c, Instant at)
    {
        Cash(c.Account).Total += c.Amount.Fen;
        _deposited += c.Amount.Fen;
        return new CashDeposited(at, c.Bank, c.Account, c.Amount, c.Reference);
    }

    private CashWithdrawn Withdraw(WithdrawCash c, Instant at)
    {
        Cash(c.Account).Total -= c.Amount.Fen;
        _withdrawn += c.Amount.Fen;
        return new CashWithdrawn(at, c.Bank, c.Account, c.Amount, c.Reference);
    }

    private InstrumentListed ListNow(ListInstrument c, Instant at)
    {
        _listings.Add(new RefListing(c.Instrument, c.ReferencePrice.FenPerTonne));
        return new InstrumentListed(at, c.Instrument, c.ReferencePrice);
    }

    private TradingDayOpened OpenDayNow(OpenTradingDay c, Instant at)
    {
        var settled = new List<UnitsSettled>();
        foreach (var key in _grams.Where(kv => kv.Key.Bucket == Bucket.Unsettled && kv.Value > 0).Select(kv => kv.Key)
                     .OrderBy(k => k.Account).ThenBy(k => k.Instrument).ToList())
        {
            long grams = _grams[key];
            Move(key.Instrument, new Holder(key.Account, Bucket.Unsettled, null), Free(key.Account), new Co2e(grams),
                null);
            settled.Add(new UnitsSettled(key.Account, key.Instrument, new Co2e(grams)));
        }

        var proceeds = new List<ProceedsReleased>();
        foreach ((AccountId account, RefCash cash) in _cash.Where(kv => kv.Value.Proceeds > 0).OrderBy(kv => kv.Key))
        {
            proceeds.Add(new ProceedsReleased(account, new Money(cash.Proceeds)));
            cash.Proceeds = 0;
        }

        var listings = new List<ListingDay>();
        var cancelled = new List<OrderExpiry>();
        foreach (RefListing l in _listings)
        {
            var previous = new Price(l.PreviousClose);
            TradingDay listed = TradingDay.From(_rules, l.Instrument, TradingMode.Listed, c.Date, previous);
            if (l.Book is null)
            {
                l.Book = new ReferenceBook(l.Instrument, listed);
            }
            else
            {
                var output = new BookOutput(64);
                l.Book.OpenDay(listed, output);
                cancelled.AddRange(ApplyBook(l, output, 0).Expiries);
            }

            l.BlockDay = TradingDay.From(_rules, l.Instrument, TradingMode.Block, c.Date, previous);
            l.ListedFees = _rules.FeesFor(l.Instrument, TradingMode.Listed, c.Date);
            l.BlockFees = _rules.FeesFor(l.Instrument, TradingMode.Block, c.Date);
            l.Trades.Clear();
            listings.Add(new ListingDay(l.Instrument, previous, listed.Band, l.BlockDay.Band, listed.Rules.Version));
        }

        _openDay = c.Date;
        _lastDay = c.Date;
        return new TradingDayOpened(at, c.Date, listings, settled, proceeds, cancelled);
    }

    private TradingDayClosed CloseDayNow(CloseTradingDay c, Instant at)
    {
        var expired = new List<OrderExpiry>();
        foreach (RefListing l in _listings.Where(l => l.Book is not null))
        {
            var output = new BookOutput(64);
            l.Book!.CloseDay(output);
            expired.AddRange(ApplyBook(l, output, 0).Expiries);
        }

        foreach (RefBlock b in _blocks.Values.ToList())
        {
            expired.Add(new OrderExpiry(b.Id, b.Account, b.Instrument, b.Side, new Co2e(b.Quantity), new Money(b.Hold),
                CancelReason.Expired));
            ReleaseBlock(b);
        }

        var data = _listings.Where(l => l.Book is not null || l.Trades.Count > 0).Select(l => MarketData(l, c.Date))
            .ToList();
        _openDay = null;
        return new TradingDayClosed(at, c.Date, data, expired);
    }

    /// <summary>The day's figures from the list of its trades: close = Σ value ÷ Σ tonnes of listed
    /// trades.</summary>
    private static DailyMarketData MarketData(RefListing l, LocalDate date)
    {
        var listed = l.Trades.Where(t => t.Mode == TradingMode.Listed).ToList();
        long previous = l.PreviousClose;
        long volume = listed.Sum(t => t.Grams);
        long turnover = listed.Sum(t => Value(t.Price, t.Grams));
        long close = volume == 0
            ? previous
            : (long)Math.Round((decimal)turnover * GramsPerTonne / volume, MidpointRounding.AwayFromZero);
        long Of(TradingMode m, Func<(TradingMode Mode, long Price, long Grams), long> f) =>
            l.Trades.Where(t => t.Mode == m).Sum(f);
        var result = new DailyMarketData(l.Instrument, date, new Price(previous),
            new Price(listed.Count > 0 ? listed[0].Price : previous),
            new Price(listed.Count > 0 ? listed.Max(t => t.Price) : previous),
            new Price(listed.Count > 0 ? listed.Min(t => t.Price) : previous), new Price(close), new Co2e(volume),
            new Money(turnover), new Co2e(Of(TradingMode.Block, t => t.Grams)),
            new Money(Of(TradingMode.Block, t => Value(t.Price, t.Grams))),
            new Co2e(Of(TradingMode.Auction, t => t.Grams)),
            new Money(Of(TradingMode.Auction, t => Value(t.Price, t.Grams))), l.Trades.Count);
        l.PreviousClose = close;
        return result;
    }

    private OrderPlaced PlaceNow(PlaceOrder c, Instant at)
    {
        RefListing l = Listing(c.Instrument)!;
        long id = ++_lastId;
        OrderCommand command = BookCommand(c, id, at);
        FeeRate rate = l.ListedFees!.For(c.Side);
        var order = new RefOrder
        {
            Id = id, Account = c.Account, Instrument = c.Instrument, Side = c.Side, Tif = c.TimeInForce,
            Limit = HoldPrice(l, c), Open = c.Quantity.Grams, Rate = rate,
        };
        long hold = order.Hold;
        if (c.Side == Side.Sell)
        {
            Move(c.Instrument, Free(c.Account), new Holder(c.Account, Bucket.Locked, null), c.Quantity, null);
        }

        _orders.Add(id, order);
        var output = new BookOutput(64);
        l.Book!.Execute(in command, output);
        BookResult result = ApplyBook(l, output, id);
        return new OrderPlaced(at, id, c.Account, c.Instrument, c.Side, c.Type, c.TimeInForce, c.Price, c.Quantity,
            c.Listing, l.Book.Day.Rules.Version, l.ListedFees.Version, new Money(hold), result.Fills, result.Status,
            new Co2e(result.Open), result.Reason);
    }

    private OrderCancelled CancelNow(CancelOrder c, Instant at)
    {
        RefOrder o = _orders[c.OrderId];
        RefListing l = Listing(o.Instrument)!;
        long open = o.Open;
        long hold = o.Hold;
        var output = new BookOutput(8);
        l.Book!.Execute(OrderCommand.Cancel(o.Instrument, new OrderId(o.Id), new TraderId(_traderIds[o.Account]), at),
            output);
        ApplyBook(l, output, o.Id);
        return new OrderCancelled(at, o.Id, c.Account, o.Instrument, o.Side, new Co2e(open), new Money(hold));
    }

    private OrderAmended AmendNow(AmendOrder c, Instant at)
    {
        RefOrder o = _orders[c.OrderId];
        RefListing l = Listing(o.Instrument)!;
        var previousPrice = new Price(o.Limit);
        var previousOpen = new Co2e(o.Open);
        if (o.Side == Side.Sell && c.Quantity.Grams > o.Open)
        {
            Move(o.Instrument, Free(o.Account), new Holder(o.Account, Bucket.Locked, null),
                new Co2e(c.Quantity.Grams - o.Open), null);
        }
        else if (o.Side == Side.Sell && c.Quantity.Grams < o.Open)
        {
            Move(o.Instrument, new Holder(o.Account, Bucket.Locked, null), Free(o.Account),
                new Co2e(o.Open - c.Quantity.Grams), null);
        }

        o.Limit = c.Price.FenPerTonne;
        o.Open = c.Quantity.Grams;
        var output = new BookOutput(64);
        l.Book!.Execute(OrderCommand.Amend(o.Instrument, new OrderId(o.Id), new TraderId(_traderIds[o.Account]),
            c.Price, c.Quantity, at), output);
        bool kept = output.Count > 0 && output[0].Kind == BookEventKind.Amended && output[0].PriorityKept;
        BookResult result = ApplyBook(l, output, o.Id);
        return new OrderAmended(at, o.Id, c.Account, o.Instrument, o.Side, previousPrice, previousOpen, c.Price,
            c.Quantity, kept, result.Fills, result.Status, new Co2e(result.Open), result.Reason);
    }

    private BlockOrderPosted PostBlockNow(PostBlockOrder c, Instant at)
    {
        RefListing l = Listing(c.Instrument)!;
        long id = ++_lastId;
        var block = new RefBlock
        {
            Id = id, Account = c.Account, Instrument = c.Instrument, Side = c.Side, Price = c.Price.FenPerTonne,
            Quantity = c.Quantity.Grams, Limit = c.Price.FenPerTonne, Open = c.Quantity.Grams,
            Rate = l.BlockFees!.For(c.Side), Counterparty = c.Counterparty,
        };
        if (c.Side == Side.Sell)
        {
            Move(c.Instrument, Free(c.Account), new Holder(c.Account, Bucket.Locked, null), c.Quantity, null);
        }

        _blocks.Add(id, block);
        return new BlockOrderPosted(at, id, c.Account, c.Instrument, c.Side, c.Price, c.Quantity, c.Counterparty,
            new Money(block.Hold), l.BlockDay!.Rules.Version, l.BlockFees.Version);
    }

    private BlockTradeConfirmed ConfirmBlockNow(ConfirmBlockOrder c, Instant at)
    {
        RefBlock b = _blocks[c.BlockOrderId];
        RefListing l = Listing(b.Instrument)!;
        Side side = b.Side == Side.Buy ? Side.Sell : Side.Buy;
        var confirmer = new RefParty
        {
            Account = c.Account, Side = side, Limit = b.Price, Open = b.Quantity, Rate = l.BlockFees!.For(side),
        };
        if (side == Side.Sell)
        {
            Move(b.Instrument, Free(c.Account), new Holder(c.Account, Bucket.Locked, null), new Co2e(b.Quantity), null);
        }

        RefParty buyer = side == Side.Buy ? confirmer : b;
        RefParty seller = side == Side.Buy ? b : confirmer;
        long held = buyer.Hold;
        _blocks.Remove(b.Id);
        (long buyerFee, long sellerFee, List<SerialRange> serials) =
            Trade(buyer, seller, b.Instrument, b.Price, b.Quantity);
        l.Trades.Add((TradingMode.Block, b.Price, b.Quantity));
        long value = Value(b.Price, b.Quantity);
        return new BlockTradeConfirmed(at, b.Id, c.Account, ++_lastTradeId, b.Instrument, buyer.Account, seller.Account,
            new Price(b.Price), new Co2e(b.Quantity), new Money(buyerFee), new Money(sellerFee),
            new Money(held - value - buyerFee), serials);
    }

    private BlockOrderWithdrawn WithdrawBlockNow(WithdrawBlockOrder c, Instant at)
    {
        RefBlock b = _blocks[c.BlockOrderId];
        long hold = b.Hold;
        ReleaseBlock(b);
        return new BlockOrderWithdrawn(
            at, b.Id, c.Account, b.Instrument, b.Side, new Co2e(b.Quantity), new Money(hold));
    }

    private void ReleaseBlock(RefBlock b)
    {
        if (b.Side == Side.Sell)
        {
            Move(b.Instrument, new Holder(b.Account, Bucket.Locked, null), Free(b.Account), new Co2e(b.Quantity), null);
        }

        _blocks.Remove(b.Id);
    }

    private AuctionAnnounced AnnounceNow(AnnounceAuction c, Instant at)
    {
        LocalDate date = at.InZone(_rules.Zone).Date;
        long id = ++_lastId;
        FeeSchedule fees = _rules.FeesFor(c.Instrument, TradingMode.Auction, date);
        Move(c.Instrument, Free(c.Account), new Holder(c.Account, Bucket.Locked, null), c.Quantity, null);
        _auctions.Add(id, new RefAuction
        {
            Id = id, Seller = c.Account, Instrument = c.Instrument, Quantity = c.Quantity.Grams,
            Floor = c.FloorPrice.FenPerTonne, Start = c.WindowStart, End = c.WindowEnd, Pricing = c.Pricing,
            Fees = fees, Rules = _rules.MarketRulesFor(c.Instrument, TradingMode.Auction, date),
        });
        return new AuctionAnnounced(at, id, c.Account, c.Instrument, c.Quantity, c.FloorPrice, c.WindowStart,
            c.WindowEnd, c.Pricing, fees.Version);
    }

    private BidPlaced BidNow(PlaceBid c, Instant at)
    {
        RefAuction a = _auctions[c.AuctionId];
        long id = ++_lastId;
        var bid = new RefBid
        {
            Id = id, Account = c.Account, Side = Side.Buy, Price = c.Price.FenPerTonne, Quantity = c.Quantity.Grams,
            Limit = c.Price.FenPerTonne, Open = c.Quantity.Grams, Rate = a.Fees.Buyer,
        };
        a.Bids.Add(bid);
        return new BidPlaced(at, id, a.Id, a.Instrument, c.Account, c.Price, c.Quantity, new Money(bid.Hold));
    }

    private AuctionClosed CloseAuctionNow(CloseAuction c, Instant at)
    {
        RefAuction a = _auctions[c.AuctionId];
        RefListing l = Listing(a.Instrument)!;
        var ranked = a.Bids.OrderByDescending(b => b.Price).ThenBy(b => b.Id).ToList();

        // The winners, plainly: walk the ranking handing out what is left.
        var takes = new Dictionary<long, long>();
        long left = a.Quantity;
        foreach (RefBid b in ranked)
        {
            takes[b.Id] = Math.Min(left, b.Quantity);
            left -= takes[b.Id];
        }

        long clearing = ranked.Where(b => takes[b.Id] > 0).Select(b => b.Price).DefaultIfEmpty(0).Min();
        var seller = new RefParty { Account = a.Seller, Side = Side.Sell, Open = a.Quantity, Rate = a.Fees.Seller };
        var allocations = new List<AuctionAllocation>();
        foreach (RefBid b in ranked)
        {
            long held = b.Hold;
            long take = takes[b.Id];
            if (take == 0)
            {
                b.Open = 0;
                allocations.Add(new AuctionAllocation(b.Id, b.Account, Co2e.Zero, default, 0, Money.Zero, Money.Zero,
                    new Money(held), []));
                continue;
            }

            long price = a.Pricing == AuctionPricing.PayAsBid ? b.Price : clearing;
            b.Open = take;
            (long buyerFee, long sellerFee, List<SerialRange> serials) = Trade(b, seller, a.Instrument, price, take);
            l.Trades.Add((TradingMode.Auction, price, take));
            long value = Value(price, take);
            allocations.Add(new AuctionAllocation(b.Id, b.Account, new Co2e(take), new Price(price), ++_lastTradeId,
                new Money(buyerFee), new Money(sellerFee), new Money(held - value - buyerFee), serials));
        }

        Move(a.Instrument, new Holder(a.Seller, Bucket.Locked, null), Free(a.Seller), new Co2e(left), null);
        _auctions.Remove(a.Id);
        return new AuctionClosed(at, a.Id, a.Instrument, a.Seller, new Price(clearing), allocations, new Co2e(left));
    }

    /// <summary>
    /// One trade, delivery-versus-payment: units seller locked → buyer unsettled (lowest serials first), cash
    /// buyer → seller; fees per order: the buyer pays its fee's increase, the seller too but at most the value.
    /// </summary>
    private (long BuyerFee, long SellerFee, List<SerialRange> Serials) Trade(
        RefParty buyer, RefParty seller, InstrumentId instrument, long price, long grams)
    {
        long value = Value(price, grams);
        long buyerFee = Fee(buyer.Rate, buyer.Traded + value) - Fee(buyer.Rate, buyer.Traded);
        long sellerFee = Math.Min(Fee(seller.Rate, seller.Traded + value) - seller.FeesPaid, value);
        List<SerialRange> serials = Move(instrument, new Holder(seller.Account, Bucket.Locked, null),
            new Holder(buyer.Account, Bucket.Unsettled, null), new Co2e(grams), null);
        RefCash b = Cash(buyer.Account);
        b.Total -= value + buyerFee;
        b.Proceeds = Math.Max(0, b.Proceeds - (value + buyerFee));
        RefCash s = Cash(seller.Account);
        s.Total += value - sellerFee;
        s.Proceeds += value - sellerFee;
        Cash(FeeAccountOf(_accounts.Values)!.Value).Total += buyerFee + sellerFee;
        buyer.Traded += value;
        buyer.FeesPaid += buyerFee;
        buyer.Open -= grams;
        seller.Traded += value;
        seller.FeesPaid += sellerFee;
        seller.Open -= grams;
        Check(b.Total >= 0 && Usable(buyer.Account) >= 0, $"oracle: {buyer.Account} paid beyond its cash");
        return (buyerFee, sellerFee, serials);
    }

    /// <summary>Applies what a book reported: fills settle, finished orders leave (sells get their units back),
    /// the taker's final status is kept; orders removed other than the taker are expiries.</summary>
    private BookResult ApplyBook(RefListing l, BookOutput output, long taker)
    {
        var result = new BookResult();
        for (int i = 0; i < output.Count; i++)
        {
            BookEvent e = output[i];
            switch (e.Kind)
            {
                case BookEventKind.Fill:
                    RefOrder t = _orders[e.Order.Value];
                    RefOrder m = _orders[e.Counterparty.Value];
                    long price = e.Price.FenPerTonne;
                    (long buyerFee, long sellerFee, List<SerialRange> serials) = t.Side == Side.Buy
                        ? Trade(t, m, l.Instrument, price, e.Quantity.Grams)
                        : Trade(m, t, l.Instrument, price, e.Quantity.Grams);
                    Check(t.Open == e.Remaining.Grams && m.Open == e.CounterRemaining.Grams,
                        "oracle: the book's remaining quantities differ from the orders'");
                    l.Trades.Add((TradingMode.Listed, price, e.Quantity.Grams));
                    result.Fills.Add(new TradeFill(++_lastTradeId, e.Price, e.Quantity, m.Id, m.Account,
                        e.CounterRemaining, new Money(buyerFee), new Money(sellerFee), serials));
                    break;
                case BookEventKind.Done:
                    Check(_orders[e.Order.Value].Open == 0, "oracle: a done order has quantity open");
                    _orders.Remove(e.Order.Value);
                    if (e.Order.Value == taker)
                    {
                        result.Status = OrderStatus.Filled;
                    }

                    break;
                case BookEventKind.Cancelled:
                    RefOrder o = _orders[e.Order.Value];
                    Check(o.Open == e.Quantity.Grams, "oracle: the book cancels another quantity");
                    long hold = o.Hold;
                    if (o.Side == Side.Sell)
                    {
                        Move(o.Instrument, new Holder(o.Account, Bucket.Locked, null), Free(o.Account),
                            new Co2e(o.Open), null);
                    }

                    _orders.Remove(o.Id);
                    if (o.Id == taker)
                    {
                        result.Status = OrderStatus.Cancelled;
                        result.Reason = e.Reason;
                    }
                    else
                    {
                        result.Expiries.Add(new OrderExpiry(o.Id, o.Account, o.Instrument, o.Side, new Co2e(o.Open),
                            new Money(hold), e.Reason));
                    }

                    break;
                case BookEventKind.Amended when e.PriorityKept && e.Order.Value == taker:
                    result.Status = OrderStatus.Resting;
                    result.Open = e.Quantity.Grams;
                    break;
                case BookEventKind.Rested when e.Order.Value == taker:
                    result.Status = OrderStatus.Resting;
                    result.Open = e.Quantity.Grams;
                    break;
                case BookEventKind.Rejected:
                    throw new InvalidOperationException(
                        $"oracle: the book rejected a validated command: {e.Rejection}");
                default:
                    break;
            }
        }

        return result;
    }

    /// <summary>What a book step did to the order it was about.</summary>
    private sealed class BookResult
    {
        public List<TradeFill> Fills { get; } = [];

        public OrderStatus Status { get; set; } = OrderStatus.Resting;

        public long Open { get; set; }

        public CancelReason Reason { get; set; }

        public List<OrderExpiry> Expiries { get; } = [];
    }
}
