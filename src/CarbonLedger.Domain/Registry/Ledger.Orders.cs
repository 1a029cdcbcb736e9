using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Invariants;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Rules;
using CarbonLedger.Domain.Trading;
using NodaTime;
using static CarbonLedger.Domain.Registry.LedgerRejection;

namespace CarbonLedger.Domain.Registry;

/// <summary>Listed-mode order entry: place, cancel, amend (decision 0009).</summary>
public sealed partial class Ledger
{
    private (LedgerRejection, LedgerEvent?) PlaceListedOrder(PlaceOrder c, Instant at)
    {
        LedgerAssert.That(c.ShapeError() is null, c.ShapeError() ?? "");
        int listing = -1;
        LedgerRejection r = CheckTrader(c, c.Account, out int account);
        r = r != None ? r : CheckMarketOpen(c.Instrument, out listing);
        if (r != None)
        {
            return (r, null);
        }

        Listing l = _x.Listings[listing];
        OrderBook book = l.Book!;
        long id = _x.LastId + 1;
        OrderCommand command = c.Type switch
        {
            OrderType.Limit => OrderCommand.Limit(
                c.Instrument, new OrderId(id), new TraderId(account), c.Side, c.Price, c.Quantity, c.TimeInForce, at),
            OrderType.Market => OrderCommand.Market(
                c.Instrument, new OrderId(id), new TraderId(account), c.Side, c.Quantity, c.TimeInForce, at),
            _ => OrderCommand.Pick(
                c.Instrument, new OrderId(id), new TraderId(account), c.Side, new OrderId(c.Listing), c.Quantity, at),
        };
        r = OrderRejections.ToLedger(book.Validate(in command));
        if (r != None)
        {
            return (r, null);
        }

        FeeRate rate = l.ListedFees!.For(c.Side);
        long limit = c.Type switch
        {
            OrderType.Limit => c.Price.FenPerTonne,
            OrderType.Market => c.Side == Side.Buy ? book.Day.Band.Upper.FenPerTonne : book.Day.Band.Lower.FenPerTonne,
            _ => PickedPrice(book, c.Listing),
        };
        long hold = c.Side == Side.Buy ? BuyHold(limit, c.Quantity.Grams, rate, 0) : 0;
        r = CheckCover(account, l.Instrument, c.Side, c.Quantity.Grams, hold);
        if (r != None)
        {
            return (r, null);
        }

        _x.LastId = id;
        int slot = _x.AllocateOrder();
        _x.OrderIndex.Add(id, slot);
        _x.Orders[slot] = new OrderState
        {
            Id = id, Account = account, Listing = listing, Side = c.Side, Tif = c.TimeInForce, Limit = limit,
            Open = c.Quantity.Grams, HeldCash = hold, Rate = rate,
        };
        TakeHold(account, l.Instrument, c.Side, c.Quantity.Grams, hold);
        RunOnBook(book, in command, listing, id);
        return (None, _capture
            ? new OrderPlaced(at, id, c.Account, c.Instrument, c.Side, c.Type, c.TimeInForce, c.Price, c.Quantity,
                c.Listing, book.Day.Rules.Version,
                l.ListedFees.Version, new Money(hold), [.. _fills], _takerStatus, new Co2e(_takerOpen), _takerReason)
            : null);
    }

    private (LedgerRejection, LedgerEvent?) CancelListedOrder(CancelOrder c, Instant at)
    {
        LedgerRejection r = CheckOwnOrder(c, c.Account, c.OrderId, out int slot);
        if (r != None)
        {
            return (r, null);
        }

        OrderState o = _x.Orders[slot];
        Listing l = _x.Listings[o.Listing];
        var command = OrderCommand.Cancel(l.Id, new OrderId(o.Id), new TraderId(o.Account), at);
        LedgerAssert.That(l.Book!.Validate(in command) == OrderRejection.None,
            "the book refuses a live order's cancel");
        RunOnBook(l.Book, in command, o.Listing, o.Id);
        return (None, _capture
            ? new OrderCancelled(at, o.Id, c.Account, l.Id, o.Side, new Co2e(o.Open), new Money(o.HeldCash))
            : null);
    }

    private (LedgerRejection, LedgerEvent?) AmendListedOrder(AmendOrder c, Instant at)
    {
        LedgerRejection r = CheckOwnOrder(c, c.Account, c.OrderId, out int slot);
        r = r != None ? r : CheckSubjectOpen(_x.Orders[slot].Account);
        r = r != None ? r : CheckMarketOpen(_x.Listings[_x.Orders[slot].Listing].Id, out _);
        if (r != None)
        {
            return (r, null);
        }

        ref OrderState o = ref _x.Orders[slot];
        Listing l = _x.Listings[o.Listing];
        var previousPrice = new Price(o.Limit);
        var previousOpen = new Co2e(o.Open);
        var command = OrderCommand.Amend(l.Id, new OrderId(o.Id), new TraderId(o.Account), c.Price, c.Quantity, at);
        r = OrderRejections.ToLedger(l.Book!.Validate(in command));
        long newHold = r == None && o.Side == Side.Buy
            ? BuyHold(c.Price.FenPerTonne, c.Quantity.Grams, o.Rate, o.Traded)
            : o.HeldCash;
        long extraCash = newHold - o.HeldCash;
        long extraUnits = o.Side == Side.Sell ? c.Quantity.Grams - o.Open : 0;
        if (r == None && (extraCash > 0 || extraUnits > 0))
        {
            r = CheckCover(o.Account, l.Instrument, o.Side, extraUnits, extraCash);
        }

        if (r != None)
        {
            return (r, null);
        }

        if (o.Side == Side.Buy)
        {
            if (extraCash >= 0)
            {
                HoldCash(o.Account, extraCash);
            }
            else
            {
                ReleaseCash(o.Account, -extraCash);
            }

            o.HeldCash = newHold;
        }
        else if (extraUnits >= 0)
        {
            ShiftUnits(o.Account, l.Instrument, Bucket.Available, Bucket.Locked, extraUnits);
        }
        else
        {
            ShiftUnits(o.Account, l.Instrument, Bucket.Locked, Bucket.Available, -extraUnits);
        }

        o.Open = c.Quantity.Grams;
        o.Limit = c.Price.FenPerTonne;
        long id = o.Id;
        Side side = o.Side;
        RunOnBook(l.Book, in command, _x.Orders[slot].Listing, id);
        bool kept = _x.Output.Count > 0 && _x.Output[0].Kind == BookEventKind.Amended && _x.Output[0].PriorityKept;
        return (None, _capture
            ? new OrderAmended(at, id, c.Account, l.Id, side, previousPrice, previousOpen, c.Price, c.Quantity, kept,
                [.. _fills], _takerStatus,
                new Co2e(_takerOpen), _takerReason)
            : null);
    }

    /// <summary>Rules 402, 411, 420, 602 and 605 for an account acting on one of its live orders.</summary>
    private LedgerRejection CheckOwnOrder(LedgerCommand c, Identity.AccountId id, long orderId, out int slot)
    {
        slot = -1;
        if (!_accountIndex.TryGetValue(id, out int account))
        {
            return AccountUnknown;
        }

        slot = _x.OrderIndex.Find(orderId);
        if (slot < 0)
        {
            return OrderUnknown;
        }

        LedgerRejection holder = CheckTradingHolder(account, c.Actor);
        if (holder != None)
        {
            return holder;
        }

        return _x.Orders[slot].Account != account ? NotOrderOwner : None;
    }

    /// <summary>Takes a new order's hold: the units of a sell, the cash of a buy.</summary>
    private void TakeHold(int account, int instrument, Side side, long grams, long cash)
    {
        if (side == Side.Sell)
        {
            ShiftUnits(account, instrument, Bucket.Available, Bucket.Locked, grams);
        }
        else
        {
            HoldCash(account, cash);
        }
    }

    private static long PickedPrice(OrderBook book, long listing)
    {
        bool found = book.TryGetOrder(new OrderId(listing), out RestingOrder order);
        LedgerAssert.That(found, "a validated pick's listing is not resting");
        return order.Price.FenPerTonne;
    }
}
