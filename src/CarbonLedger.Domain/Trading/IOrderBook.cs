using System.Buffers;
using CarbonLedger.Domain.Instruments;

namespace CarbonLedger.Domain.Trading;

/// <summary>
/// A price-time priority book for one instrument in the listed mode. Implemented by the pooled
/// <see cref="OrderBook"/> and, in the tests, by a naive reference book that must behave identically:
/// same outputs for the same commands, same canonical snapshot.
/// </summary>
public interface IOrderBook
{
    /// <summary>The instrument traded.</summary>
    public InstrumentId Instrument { get; }

    /// <summary>The trading day in force.</summary>
    public TradingDay Day { get; }

    /// <summary>
    /// True between <see cref="CloseDay"/> and the next <see cref="OpenDay"/>: adds, amends and picks are
    /// refused as outside the session whatever their time; cancels still work.
    /// </summary>
    public bool DayClosed { get; }

    /// <summary>Orders resting in the book.</summary>
    public int RestingCount { get; }

    /// <summary>
    /// Starts a later trading day (new band, rules and sessions). Resting orders stay, except day orders
    /// left over (expired) and orders priced outside the new band or off its tick (cancelled); both are
    /// reported in priority order, bids first.
    /// </summary>
    public void OpenDay(TradingDay day, BookOutput output);

    /// <summary>
    /// The rejection <see cref="Execute"/> would give <paramref name="command"/> now, or
    /// <see cref="OrderRejection.None"/>; changes nothing (the exchange checks orders before taking holds).
    /// </summary>
    public OrderRejection Validate(in OrderCommand command);

    /// <summary>Runs one command, appending its outputs to <paramref name="output"/>.</summary>
    public void Execute(in OrderCommand command, BookOutput output);

    /// <summary>
    /// Ends the trading day: every day order still open expires (bids best first, then asks) and the book
    /// accepts no new trading until the next day opens.
    /// </summary>
    public void CloseDay(BookOutput output);

    /// <summary>The resting order with this id, if there is one (order status for queries and tools).</summary>
    public bool TryGetOrder(OrderId id, out RestingOrder order);

    /// <summary>Copies up to <c>levels.Length</c> best levels of a side; returns how many were written.</summary>
    public int CopyDepth(Side side, Span<DepthLevel> levels);

    /// <summary>The canonical snapshot (see <see cref="BookSnapshot"/>): equal states give equal bytes.</summary>
    public byte[] Snapshot();

    /// <summary>Streams the same bytes as <see cref="Snapshot"/> to <paramref name="output"/>.</summary>
    public void WriteSnapshot(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(Snapshot());
    }
}
