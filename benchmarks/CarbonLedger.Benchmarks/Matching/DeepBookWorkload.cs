using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Trading;

namespace CarbonLedger.Benchmarks.Matching;

/// <summary>
/// Workload (b), deep and wide (performance.md §7.1 M2): <see cref="Books"/> books, <see cref="Resting"/>
/// resting orders in total before the stream, instrument popularity Zipf-distributed with s = 1 (book 0 the
/// most active; it holds ~12 % of the orders), then 55 % GTC adds, 35 % cancels, 10 % IOCs. Adds rest
/// behind the touch, uniformly over the half band (9 in 10) or within 5 ticks of it (1 in 10); IOCs are
/// priced 0–2 ticks through the opposite best, so they trade; cancels take a uniformly random live order,
/// so each book's depth stays proportional to its popularity. Adds outnumber cancels by 20 points, so the
/// IOCs must take about two makers each: above <see cref="Resting"/> they are large (1–200 t, up to 49 ticks
/// through), below it small (1–20 t, 0–2 ticks), which holds the depth near the target.
/// Previous closes differ per book (30.00–99.99 CNY), so bands span 601–2,001 levels.
/// The domain names only 384 instruments (4 programmes × vintages 2005–2100): the books are addressed by a
/// dense number, as an engine's router would, and labelled <c>MatchingMarket.Instruments[b % 384]</c>.
/// </summary>
internal static class DeepBookWorkload
{
    public const int Books = 2_000;
    public const int Resting = 500_000;
    public const int Traders = 10_000;
    private const double ZipfExponent = 1.0;

    public static MatchingWorkload Create(int commands, int seed = 20261126, int books = Books, int resting = Resting)
    {
        var rng = new Random(seed);
        var generatorBooks = new OrderBook[books];
        var previousClose = new long[books];
        for (int b = 0; b < books; b++)
        {
            previousClose[b] = 3_000 + (b * 7_919L % 7_000);
            generatorBooks[b] = new OrderBook(Label(b), MatchingMarket.Day(new Price(previousClose[b])), 64);
        }

        double[] cumulative = Zipf(books);
        var recorder = new WorkloadRecorder(generatorBooks, commands, levelSampleEvery: 64 * 1024);
        LiveOrders live = recorder.Live;
        long nextId = 1;
        for (int i = 0; i < resting; i++)
        {
            int b = Pick(cumulative, rng);
            recorder.Preload(Add(recorder.Book(b), previousClose[b], nextId++, rng, 0, nearTouch: false), b);
        }

        for (int i = 0; i < commands; i++)
        {
            int roll = rng.Next(100);
            if (roll < 55 || live.Count == 0)
            {
                int b = Pick(cumulative, rng);
                recorder.Emit(Add(recorder.Book(b), previousClose[b], nextId++, rng, i, rng.Next(10) == 0), b);
            }
            else if (roll < 90)
            {
                long id = live.IdAt(rng.Next(live.Count));
                int b = live.Book(id);
                recorder.Emit(OrderCommand.Cancel(
                    Label(b), new OrderId(id), new TraderId(live.Trader(id)), MatchingMarket.At(i)), b);
            }
            else
            {
                int b = Pick(cumulative, rng);
                OrderBook book = recorder.Book(b);
                Side side = Fuller(book) == Side.Buy ? Side.Sell : Side.Buy;
                bool deep = live.Count > resting;
                long price = WorkloadRecorder.CrossingPrice(book, side, previousClose[b], rng.Next(deep ? 50 : 3));
                int size = deep ? 200 : 20;
                recorder.Emit(OrderCommand.Limit(
                    Label(b), new OrderId(nextId++), new TraderId(1 + rng.Next(Traders)), side, new Price(price),
                    Co2e.FromTonnes(1 + rng.Next(size)), TimeInForce.Ioc, MatchingMarket.At(i)), b);
            }
        }

        return recorder.Build($"{books:N0} books, {resting:N0} resting, Zipf s=1, 55/35/10, {commands:N0} commands");
    }

    /// <summary>The instrument id carried by book <paramref name="book"/>'s commands.</summary>
    public static InstrumentId Label(int book) => MatchingMarket.Instruments[book % MatchingMarket.Instruments.Count];

    private static OrderCommand Add(OrderBook book, long previousClose, long id, Random rng, long index, bool nearTouch)
    {
        Side side = rng.Next(2) == 0 ? Side.Buy : Side.Sell;
        int halfBand = (int)((book.Day.Band.Upper.FenPerTonne - book.Day.Band.Lower.FenPerTonne) / 2) - 1;
        int distance = nearTouch ? rng.Next(5) : rng.Next(halfBand);
        long price = WorkloadRecorder.PassivePrice(book, side, previousClose, distance);
        return OrderCommand.Limit(book.Instrument, new OrderId(id), new TraderId(1 + rng.Next(Traders)), side,
            new Price(price), Co2e.FromTonnes(1 + rng.Next(50)), TimeInForce.Gtc, MatchingMarket.At(index));
    }

    /// <summary>The side with more open quantity in its best five levels (an IOC takes from it).</summary>
    private static Side Fuller(OrderBook book)
    {
        Span<DepthLevel> levels = stackalloc DepthLevel[5];
        long bids = 0;
        long asks = 0;
        int n = book.CopyDepth(Side.Buy, levels);
        for (int i = 0; i < n; i++)
        {
            bids += levels[i].Quantity.Grams;
        }

        n = book.CopyDepth(Side.Sell, levels);
        for (int i = 0; i < n; i++)
        {
            asks += levels[i].Quantity.Grams;
        }

        return bids >= asks ? Side.Buy : Side.Sell;
    }

    /// <summary>Cumulative Zipf weights: book k (0-based) has weight 1 / (k + 1)^s.</summary>
    private static double[] Zipf(int books)
    {
        var cumulative = new double[books];
        double sum = 0;
        for (int k = 0; k < books; k++)
        {
            sum += 1 / Math.Pow(k + 1, ZipfExponent);
            cumulative[k] = sum;
        }

        return cumulative;
    }

    private static int Pick(double[] cumulative, Random rng)
    {
        double u = rng.NextDouble() * cumulative[^1];
        int at = Array.BinarySearch(cumulative, u);
        return Math.Min(at >= 0 ? at : ~at, cumulative.Length - 1);
    }
}
