using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Invariants;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Trading;

namespace CarbonLedger.Domain.Registry;

/// <summary>
/// Turns what a book reports into ledger effects, in the book's order: each fill settles at once, each order
/// that finishes (filled, cancelled, expired) returns the rest of its hold and leaves the order registry.
/// </summary>
public sealed partial class Ledger
{
    private readonly List<TradeFill> _fills = [];
    private readonly List<OrderExpiry> _expiries = [];
    private OrderStatus _takerStatus;
    private long _takerOpen;
    private CancelReason _takerReason;

    /// <summary>Runs one command on a book and applies its outputs; <paramref name="taker"/> is the order
    /// the command is about (0 for day rolls), whose final status is kept for the event.</summary>
    private void RunOnBook(OrderBook book, in OrderCommand command, int listing, long taker)
    {
        _x.Output.Clear();
        book.Execute(in command, _x.Output);
        ApplyBookOutput(listing, taker);
    }

    private void ApplyBookOutput(int listing, long taker)
    {
        _fills.Clear();
        _takerStatus = OrderStatus.Resting;
        _takerOpen = 0;
        _takerReason = CancelReason.None;
        BookOutput output = _x.Output;
        for (int i = 0; i < output.Count; i++)
        {
            ref readonly BookEvent e = ref output[i];
            switch (e.Kind)
            {
                case BookEventKind.Fill:
                    ApplyFill(in e, listing);
                    break;
                case BookEventKind.Done:
                    FinishOrder(e.Order.Value, 0);
                    if (e.Order.Value == taker)
                    {
                        _takerStatus = OrderStatus.Filled;
                    }

                    break;
                case BookEventKind.Cancelled:
                    ApplyCancel(in e, listing, taker);
                    break;
                case BookEventKind.Rested:
                    LedgerAssert.That(_x.Orders[_x.OrderIndex.Find(e.Order.Value)].Open == e.Quantity.Grams,
                        "the book rests another quantity than the exchange holds for");
                    if (e.Order.Value == taker)
                    {
                        _takerStatus = OrderStatus.Resting;
                        _takerOpen = e.Quantity.Grams;
                    }

                    break;
                case BookEventKind.Amended when e.PriorityKept && e.Order.Value == taker:
                    _takerStatus = OrderStatus.Resting;
                    _takerOpen = e.Quantity.Grams;
                    break;
                case BookEventKind.Rejected:
                    LedgerAssert.Fail($"the book rejected a validated command ({e.Rejection})");
                    break;
                default:
                    break;
            }
        }
    }

    private void ApplyFill(in BookEvent e, int listing)
    {
        Listing l = _x.Listings[listing];
        ref OrderState taker = ref _x.Orders[_x.OrderIndex.Find(e.Order.Value)];
        ref OrderState maker = ref _x.Orders[_x.OrderIndex.Find(e.Counterparty.Value)];
        long price = e.Price.FenPerTonne;
        long grams = e.Quantity.Grams;
        (long buyerFee, long sellerFee, SerialRange[] serials) = e.Side == Side.Buy
            ? Settle(ref taker, ref maker, l.Instrument, price, grams)
            : Settle(ref maker, ref taker, l.Instrument, price, grams);
        LedgerAssert.That(taker.Open == e.Remaining.Grams && maker.Open == e.CounterRemaining.Grams,
            "the book's remaining quantities differ from the exchange's");
        long tradeId = ++_x.LastTradeId;
        RecordListedTrade(ref l.Day, price, grams);
        if (_capture)
        {
            _fills.Add(new TradeFill(tradeId, e.Price, e.Quantity, e.Counterparty.Value, _accounts[maker.Account].Id,
                e.CounterRemaining, new Money(buyerFee), new Money(sellerFee), serials));
        }
    }

    private void ApplyCancel(in BookEvent e, int listing, long taker)
    {
        int slot = _x.OrderIndex.Find(e.Order.Value);
        OrderState o = _x.Orders[slot];
        LedgerAssert.That(o.Open == e.Quantity.Grams, "the book cancels another quantity than the exchange holds");
        FinishOrder(o.Id, o.Open);
        if (o.Id == taker)
        {
            _takerStatus = OrderStatus.Cancelled;
            _takerReason = e.Reason;
        }
        else if (_capture)
        {
            _expiries.Add(new OrderExpiry(o.Id, _accounts[o.Account].Id, _x.Listings[listing].Id, o.Side,
                new Co2e(o.Open), new Money(o.HeldCash), e.Reason));
        }
    }

    /// <summary>An order leaves the registry: its <paramref name="open"/> units (a sell) or its held cash (a
    /// buy) return to the holder.</summary>
    private void FinishOrder(long id, long open)
    {
        int slot = _x.OrderIndex.Find(id);
        ref OrderState o = ref _x.Orders[slot];
        LedgerAssert.That(o.Open == open, "an order finishes with another open quantity than the book's");
        if (o.Side == Side.Sell)
        {
            ShiftUnits(o.Account, _x.Listings[o.Listing].Instrument, Bucket.Locked, Bucket.Available, open);
        }
        else
        {
            ReleaseCash(o.Account, o.HeldCash);
        }

        _x.OrderIndex.Remove(id);
        _x.FreeOrder(slot);
    }

    private static void RecordListedTrade(ref DayStatistics day, long price, long grams)
    {
        if (day.ListedVolume == 0)
        {
            day.Open = price;
            day.High = price;
            day.Low = price;
        }

        day.High = Math.Max(day.High, price);
        day.Low = Math.Min(day.Low, price);
        day.ListedVolume = checked(day.ListedVolume + grams);
        day.ListedTurnover = checked(day.ListedTurnover + ValueOf(price, grams));
        day.Trades++;
    }
}
