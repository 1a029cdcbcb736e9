using CarbonLedger.Domain.Invariants;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Trading;

namespace CarbonLedger.Domain.Exchange;

/// <summary>The matching core's rejections as ledger rejections (85x = 850 + the book's code).</summary>
internal static class OrderRejections
{
    /// <summary>
    /// The ledger code of a book rejection. Ids, duplicates and unknown orders cannot reach the book from the
    /// exchange (the core assigns ids and resolves orders first), so those are assertions.
    /// </summary>
    public static LedgerRejection ToLedger(OrderRejection rejection)
    {
        LedgerAssert.That(
            rejection is not (OrderRejection.UnknownInstrument or OrderRejection.InvalidOrderId
                or OrderRejection.DuplicateOrderId or OrderRejection.OrderNotResting or OrderRejection.NotOrderOwner),
            $"the exchange sent the book an order it should have refused itself ({rejection})");
        return rejection == OrderRejection.None ? LedgerRejection.None : (LedgerRejection)(850 + (int)rejection);
    }
}
