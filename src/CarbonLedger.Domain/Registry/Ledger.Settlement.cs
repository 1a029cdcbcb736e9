using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Invariants;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Rules;

namespace CarbonLedger.Domain.Registry;

/// <summary>
/// Holds and delivery-versus-payment settlement (decision 0009): the only code that moves cash, and the
/// only code that moves units into or out of the locked and unsettled buckets.
/// </summary>
public sealed partial class Ledger
{
    private static readonly SerialRange[] s_noRanges = [];

    /// <summary>What a buy still holds for <paramref name="open"/> grams at <paramref name="limit"/> fen/t:
    /// their value plus the fee they can still add to an order that has traded <paramref name="traded"/> fen.</summary>
    internal static long BuyHold(long limit, long open, FeeRate rate, long traded)
    {
        if (open == 0)
        {
            return 0;
        }

        long value = ValueOf(limit, open);
        return checked(value + rate.FeeFor(checked(traded + value)) - rate.FeeFor(traded));
    }

    /// <summary>fen/t × grams → fen, half-up (exact for whole tonnes).</summary>
    internal static long ValueOf(long priceFen, long grams) =>
        Rounding.MultiplyDivideHalfUp(priceFen, grams, Co2e.GramsPerTonne);

    /// <summary>Moves units inside one account between two buckets (serial blocks follow for credits).</summary>
    private void ShiftUnits(int account, int instrument, Bucket from, Bucket to, long grams)
    {
        if (grams == 0)
        {
            return;
        }

        ref PositionRecord p = ref _positions[PositionIndexOrAdd(account, instrument)];
        ref long source = ref PositionRecord.Slot(ref p, from);
        LedgerAssert.That(source >= grams, $"moving {grams} g out of {from} would drive it negative (I2)");
        source -= grams;
        ref long target = ref PositionRecord.Slot(ref p, to);
        target = checked(target + grams);
        MoveSerials(account, from, account, to, instrument, grams);
    }

    /// <summary>For credits, moves the lowest serials of a bucket along with a quantity; returns them.</summary>
    private SerialRange[] MoveSerials(
        int fromAccount, Bucket from, int toAccount, Bucket to, int instrument, long grams)
    {
        if (_instruments[instrument].Serials is not { } book)
        {
            return s_noRanges;
        }

        SerialRange[]? ranges = book.SelectLowest(fromAccount, from, null, Co2e.FromGrams(grams).WholeTonnes);
        LedgerAssert.That(ranges is not null, "a credit position holds fewer serials than its bucket (I4)");
        foreach (SerialRange range in ranges)
        {
            book.Move(range, fromAccount, from, null, toAccount, to, null);
        }

        return ranges;
    }

    private void HoldCash(int account, long fen)
    {
        ref CashRecord cash = ref _x.CashOf(account);
        LedgerAssert.That(fen >= 0 && cash.Usable >= fen, "a cash hold beyond usable cash");
        cash.Locked = checked(cash.Locked + fen);
    }

    private void ReleaseCash(int account, long fen)
    {
        ref CashRecord cash = ref _x.CashOf(account);
        LedgerAssert.That(fen >= 0 && cash.Locked >= fen, "releasing more cash than is held");
        cash.Locked -= fen;
    }

    /// <summary>
    /// One trade of <paramref name="grams"/> at <paramref name="price"/> between a buy and a sell, settled
    /// delivery-versus-payment: units seller locked → buyer unsettled, cash buyer → seller (net of the seller's
    /// fee, counted as today's proceeds), both fees to the exchange fee account. Fees are per order (decision
    /// 0009): the buyer pays the increase of its order's fee, the seller too but never more than the trade's
    /// value. The buy's hold is then recomputed for its open remainder and the excess returned at once.
    /// </summary>
    private (long BuyerFee, long SellerFee, SerialRange[] Serials) Settle(
        ref OrderState buy, ref OrderState sell, int instrument, long price, long grams)
    {
        LedgerAssert.That(grams > 0 && grams <= buy.Open && grams <= sell.Open, "a trade beyond an order's open");
        LedgerAssert.That(buy.Account != sell.Account, "an account traded with itself");
        long value = ValueOf(price, grams);
        long buyerFee = checked(buy.Rate.FeeFor(checked(buy.Traded + value)) - buy.FeesPaid);
        long sellerFee = Math.Min(checked(sell.Rate.FeeFor(checked(sell.Traded + value)) - sell.FeesPaid), value);
        LedgerAssert.That(buyerFee >= 0 && sellerFee >= 0, "a fee increment is negative");

        // Units: seller's locked → buyer's unsettled (sellable from the next trading day).
        ref PositionRecord from = ref _positions[PositionIndexOrAdd(sell.Account, instrument)];
        LedgerAssert.That(from.Locked >= grams, "a sale beyond the seller's locked units (I2)");
        from.Locked -= grams;
        int buyerPosition = PositionIndexOrAdd(buy.Account, instrument);
        ref PositionRecord to = ref _positions[buyerPosition];
        to.Unsettled = checked(to.Unsettled + grams);
        _x.UnsettledPositions.Add(buyerPosition);
        SerialRange[] serials = MoveSerials(sell.Account, Bucket.Locked, buy.Account, Bucket.Unsettled, instrument,
            grams);

        // Cash: the buyer pays value + fee out of its hold (using today's proceeds first).
        long pay = checked(value + buyerFee);
        LedgerAssert.That(buy.HeldCash >= pay, "a purchase beyond the buy's hold");
        ref CashRecord buyer = ref _x.CashOf(buy.Account);
        buyer.Total -= pay;
        buyer.Locked -= pay;
        buyer.Proceeds = Math.Max(0, buyer.Proceeds - pay);
        buy.HeldCash -= pay;
        buy.Traded = checked(buy.Traded + value);
        buy.FeesPaid = checked(buy.FeesPaid + buyerFee);
        buy.Open -= grams;
        long release = buy.HeldCash - BuyHold(buy.Limit, buy.Open, buy.Rate, buy.Traded);
        LedgerAssert.That(release >= 0, "a fill left a buy's hold short of its remainder");
        ReleaseCash(buy.Account, release);
        buy.HeldCash -= release;

        // The seller receives value − fee as today's proceeds; the exchange both fees.
        long net = value - sellerFee;
        ref CashRecord seller = ref _x.CashOf(sell.Account);
        seller.Total = checked(seller.Total + net);
        seller.Proceeds = checked(seller.Proceeds + net);
        if (net > 0)
        {
            _x.ProceedsAccounts.Add(sell.Account);
        }

        sell.Traded = checked(sell.Traded + value);
        sell.FeesPaid = checked(sell.FeesPaid + sellerFee);
        sell.Open -= grams;
        ref CashRecord fees = ref _x.CashOf(_x.FeeAccount);
        fees.Total = checked(fees.Total + buyerFee + sellerFee);
        return (buyerFee, sellerFee, serials);
    }
}
