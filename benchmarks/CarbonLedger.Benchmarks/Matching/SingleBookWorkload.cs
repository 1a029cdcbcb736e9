using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Trading;

namespace CarbonLedger.Benchmarks.Matching;

/// <summary>
/// Workload (a), exchange-core's published mix on one book (performance.md §2.2, scenario M1): 9 % GTC
/// limits, 3 % IOC, 6 % cancels, 82 % moves (an amend of a resting order to a new price with the same open
/// quantity), 1,000 traders, about 1,000 resting orders over about 750 price levels. Previous close 80.00,
/// so the band is [72.00, 88.00] (1,601 levels). Passive prices are drawn uniformly up to
/// <see cref="Width"/> ticks behind the touch (never crossing), which occupies ~750 levels with 1,000
/// orders. Trades come from the IOCs (priced through the opposite best), from the GTCs priced at the
/// opposite best and from 0.5 % of the moves (also at the opposite best).
/// Only passive GTCs add orders and cancels (6 %) and trades remove them, so the depth is steered with the
/// share of GTCs that cross: none while fewer than <see cref="TargetResting"/> orders rest, half above. In
/// balance about a quarter cross and ~5.5–6 % of commands trade (exchange-core: ~6 %); the achieved mix is
/// measured and printed, not assumed.
/// </summary>
internal static class SingleBookWorkload
{
    public const int Traders = 1_000;
    public const int TargetResting = 1_000;
    public const int Width = 750;
    public const long PreviousClose = 8_000;
    private const double AggressiveGtcAboveTarget = 0.5;
    private const double AggressiveMove = 0.005;

    // Takers are small next to makers, so a trade rarely empties a maker: the trades that keep the ~6 %
    // rate then barely move the depth, which the passive GTCs and the cancels balance.
    private const int MakerTonnes = 100;
    private const int TakerTonnes = 10;

    public static readonly InstrumentId Instrument = InstrumentId.Parse("CEA-2025");

    public static MatchingWorkload Create(int commands, int seed = 20261125)
    {
        var rng = new Random(seed);
        var book = new OrderBook(Instrument, MatchingMarket.Day(new Price(PreviousClose)), 4 * TargetResting);
        var recorder = new WorkloadRecorder([book], commands, levelSampleEvery: 1024);
        LiveOrders live = recorder.Live;
        long nextId = 1;
        for (int i = 0; i < TargetResting; i++)
        {
            Side side = i % 2 == 0 ? Side.Buy : Side.Sell;
            long price = WorkloadRecorder.PassivePrice(book, side, PreviousClose, rng.Next(Width));
            recorder.Preload(Limit(nextId++, rng, side, price, TimeInForce.Gtc, Tonnes(rng, MakerTonnes), 0), 0);
        }

        for (int i = 0; i < commands; i++)
        {
            int roll = rng.Next(100);
            if (roll < 9)
            {
                Side side = rng.Next(2) == 0 ? Side.Buy : Side.Sell;
                bool aggressive = live.Count >= TargetResting && rng.NextDouble() < AggressiveGtcAboveTarget;
                long price = aggressive
                    ? WorkloadRecorder.CrossingPrice(book, side, PreviousClose, 0)
                    : WorkloadRecorder.PassivePrice(book, side, PreviousClose, rng.Next(Width));
                Co2e quantity = Tonnes(rng, aggressive ? TakerTonnes : MakerTonnes);
                recorder.Emit(Limit(nextId++, rng, side, price, TimeInForce.Gtc, quantity, i), 0);
            }
            else if (roll < 12 || live.Count == 0)
            {
                // Hit the fuller side, so neither side drains while the other piles up.
                Side side = BidCount(live) * 2 > live.Count ? Side.Sell : Side.Buy;
                long price = WorkloadRecorder.CrossingPrice(book, side, PreviousClose, rng.Next(3));
                recorder.Emit(Limit(nextId++, rng, side, price, TimeInForce.Ioc, Tonnes(rng, TakerTonnes), i), 0);
            }
            else if (roll < 18)
            {
                long id = live.IdAt(rng.Next(live.Count));
                recorder.Emit(OrderCommand.Cancel(
                    Instrument, new OrderId(id), new TraderId(live.Trader(id)), MatchingMarket.At(i)), 0);
            }
            else
            {
                long id = live.IdAt(rng.Next(live.Count));
                var price = new Price(MovePrice(book, live, id, rng));
                recorder.Emit(OrderCommand.Amend(
                    Instrument, new OrderId(id), new TraderId(live.Trader(id)), price, new Co2e(live.Open(id)),
                    MatchingMarket.At(i)), 0);
            }
        }

        return recorder.Build($"single book, exchange-core mix, {commands:N0} commands");
    }

    /// <summary>A move's new price: passive behind the touch (rarely at the opposite best), never the old.</summary>
    private static long MovePrice(OrderBook book, LiveOrders live, long id, Random rng)
    {
        Side side = live.Side(id);
        long current = live.Price(id);
        long price = rng.NextDouble() < AggressiveMove
            ? WorkloadRecorder.CrossingPrice(book, side, PreviousClose, 0)
            : WorkloadRecorder.PassivePrice(book, side, PreviousClose, rng.Next(Width));
        if (price == current)
        {
            // Step one tick further from the touch (toward it at the band's edge) so the order really moves.
            long away = side == Side.Buy ? price - 1 : price + 1;
            price = book.Day.Band.Contains(new Price(away)) ? away : (side == Side.Buy ? price + 1 : price - 1);
        }

        return price;
    }

    private static int BidCount(LiveOrders live)
    {
        int bids = 0;
        for (int n = 0; n < live.Count; n++)
        {
            bids += live.Side(live.IdAt(n)) == Side.Buy ? 1 : 0;
        }

        return bids;
    }

    private static OrderCommand Limit(
        long id, Random rng, Side side, long price, TimeInForce tif, Co2e quantity, long index) =>
        OrderCommand.Limit(Instrument, new OrderId(id), new TraderId(1 + rng.Next(Traders)), side, new Price(price),
            quantity, tif, MatchingMarket.At(index));

    private static Co2e Tonnes(Random rng, int max) => Co2e.FromTonnes(1 + rng.Next(max));
}
