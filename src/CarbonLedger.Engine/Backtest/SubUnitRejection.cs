using CarbonLedger.Domain.Invariants;
using CarbonLedger.Domain.Rules;
using CarbonLedger.Domain.Trading;

namespace CarbonLedger.Engine.Backtest;

/// <summary>
/// The rejection a book gives a command whose price has digits below the fen or whose quantity has digits
/// below the gram. Such a value cannot be put in a <see cref="OrderCommand"/> (fen and grams are integers),
/// yet the input must not silently round it, so the run answers for the book: it walks the book's checks in
/// the precedence of <see cref="OrderRejection"/> (docs/reference/matching.md) up to the failing one, so an
/// off-tick order that is also outside the session is still <c>OutsideSession</c>. A sub-fen positive price
/// is off any whole-fen tick (<c>PriceOffTick</c>), a sub-gram positive quantity is no multiple of any
/// whole-gram lot (<c>QuantityNotLotMultiple</c>); negative ones fail the earlier "not positive" checks.
/// </summary>
public static class SubUnitRejection
{
    /// <summary>The code for <paramref name="row"/> (a command row with a sub-unit amount) in this book.</summary>
    public static OrderRejection For(IOrderBook book, OrderCsvRow row)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(row);
        LedgerAssert.That(row.Kind.IsCommand() && row.HasSubUnitAmount, "only sub-unit command rows are answered here");
        OrderCommand c = row.Command;
        TradingDay day = book.Day;
        if (book.DayClosed || !day.IsOpenAt(c.At))
        {
            return OrderRejection.OutsideSession;
        }

        RestingOrder? resting = book.TryGetOrder(c.Order, out RestingOrder found) ? found : null;
        OrderRejection code = row.Kind switch
        {
            MatchRowKind.Amend => resting is null ? OrderRejection.OrderNotResting
                : resting.Value.Trader != c.Trader ? OrderRejection.NotOrderOwner
                : OrderRejection.None,
            _ => c.Order.Value <= 0 ? OrderRejection.InvalidOrderId
                : resting is not null ? OrderRejection.DuplicateOrderId
                : row.Kind == MatchRowKind.Market && !c.TimeInForce.IsImmediate()
                    ? OrderRejection.MarketOrderNotImmediate
                    : OrderRejection.None,
        };
        if (code == OrderRejection.None)
        {
            code = CheckQuantity(row.Quantity, day.Rules);
        }

        if (code == OrderRejection.None && row.Kind is MatchRowKind.Limit or MatchRowKind.Amend)
        {
            code = CheckPrice(row.Price, day);
        }

        LedgerAssert.That(code != OrderRejection.None, "a sub-unit amount passed every check");
        return code;
    }

    private static OrderRejection CheckQuantity(ScaledDecimal grams, MarketRules rules) =>
        !grams.IsPositive ? OrderRejection.QuantityNotPositive
        : grams.HasRemainder || grams.Units % rules.Lot.Grams != 0 ? OrderRejection.QuantityNotLotMultiple
        : grams.Units < rules.MinimumQuantity.Grams ? OrderRejection.QuantityBelowMinimum
        : grams.Units > rules.MaximumQuantity.Grams ? OrderRejection.QuantityAboveMaximum
        : OrderRejection.None;

    private static OrderRejection CheckPrice(ScaledDecimal fen, TradingDay day) =>
        !fen.IsPositive ? OrderRejection.PriceNotPositive
        : fen.HasRemainder || fen.Units % day.Rules.Tick.FenPerTonne != 0 ? OrderRejection.PriceOffTick
        : fen.Units < day.Band.Lower.FenPerTonne || fen.Units > day.Band.Upper.FenPerTonne
            ? OrderRejection.PriceOutsideBand
            : OrderRejection.None;
}
