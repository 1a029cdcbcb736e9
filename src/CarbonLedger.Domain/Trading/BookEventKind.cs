namespace CarbonLedger.Domain.Trading;

/// <summary>
/// What a book output says. Per command the sequence is fixed (docs/reference/matching.md):
/// <c>Rejected</c> alone; or <c>Accepted</c>/<c>Amended</c>, then any <c>Fill</c>s (each followed by the
/// maker's <c>Done</c> if it filled completely), then exactly one of <c>Rested</c>, <c>Done</c> or
/// <c>Cancelled</c> for the incoming order. A cancel yields a single <c>Cancelled</c>.
/// </summary>
public enum BookEventKind : byte
{
    /// <summary>The command was refused with a rejection code; nothing changed.</summary>
    Rejected = 1,

    /// <summary>A new order (limit, market or pick) passed validation.</summary>
    Accepted = 2,

    /// <summary>A resting order was amended; says whether it kept its time priority.</summary>
    Amended = 3,

    /// <summary>A trade between the incoming order (taker) and a resting order (maker).</summary>
    Fill = 4,

    /// <summary>The order's open quantity is resting in the book.</summary>
    Rested = 5,

    /// <summary>The order is completely filled.</summary>
    Done = 6,

    /// <summary>Open quantity left the book without trading (reason given).</summary>
    Cancelled = 7,
}
