using System.Collections.Immutable;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Rules;
using CarbonLedger.Domain.Trading;
using CarbonLedger.Testing.Generators;
using CarbonLedger.Testing.Reference;

namespace CarbonLedger.Domain.Tests.Trading;

/// <summary>
/// The pooled <see cref="OrderBook"/> against the naive <see cref="ReferenceBook"/> over seeded random
/// streams: every output of every step must be equal, the canonical snapshots must be equal at regular
/// checkpoints and at the end, the book must never be crossed, and every accepted order's quantity must be
/// accounted for (filled + cancelled + resting). Together the cases run more than 1,000,000 steps.
/// </summary>
public sealed class OrderBookDifferentialTests
{
    private static readonly InstrumentId Cea2025 = InstrumentId.Parse("CEA-2025");

    /// <summary>Listed rules with a 5-fen tick and 3-level picks, so off-tick prices and shallow picks occur.</summary>
    private static readonly MarketRules CoarseTick = new(
        "TEST-COARSE-1", TradingMode.Listed, Price.FromFenPerTonne(5), Co2e.FromTonnes(1), Co2e.FromTonnes(2),
        Co2e.FromTonnes(500), 800, [SessionWindow.Of(9, 30, 11, 30), SessionWindow.Of(13, 0, 15, 0)], 3);

    public static TheoryData<int, string, int> Streams => new()
    {
        { 11, "listed", 400_000 },
        { 12, "listed", 400_000 },
        { 13, "coarse", 400_000 },
        { 14, "listed-few-traders", 300_000 },
    };

    [Theory]
    [MemberData(nameof(Streams))]
    public void OrderBook_RandomStream_MatchesReferenceBookExactly(int seed, string rules, int steps)
    {
        MarketRules marketRules = rules == "coarse" ? CoarseTick : DefaultRuleBook.Listed;
        int traders = rules == "listed-few-traders" ? 3 : 12;
        var reference = new ReferenceBook(Cea2025, FirstDay(marketRules));
        var generator = new RandomOrderGenerator(
            seed, Cea2025, marketRules, DefaultRuleBook.Shanghai, reference, traders);
        var book = new OrderBook(Cea2025, generator.Day, capacity: 64);
        var fast = new BookOutput(8);
        var slow = new BookOutput(8);
        var ledger = new QuantityLedger();
        var counts = new Dictionary<BookEventKind, int>();
        int deepest = 0;

        for (int i = 0; i < steps; i++)
        {
            BookStep step = generator.Next();
            fast.Clear();
            slow.Clear();
            step.ApplyTo(book, fast);
            step.ApplyTo(reference, slow);
            AssertSameOutputs(i, step, slow, fast);
            ledger.Apply(slow.Events, counts);
            AssertNotCrossed(i, book);
            deepest = Math.Max(deepest, book.RestingCount);
            if (i % 20_000 == 0 || i == steps - 1)
            {
                Assert.Equal(reference.Snapshot(), book.Snapshot());
                Assert.Equal(reference.RestingCount, book.RestingCount);
                ledger.AssertConserved(reference);
            }
        }

        // The stream must really exercise the rules it is meant to check, not just pass vacuously.
        Assert.True(counts.GetValueOrDefault(BookEventKind.Fill) > steps / 20, $"too few fills: {Describe(counts)}");
        Assert.True(counts.GetValueOrDefault(BookEventKind.Rested) > steps / 20, $"too few rests: {Describe(counts)}");
        Assert.True(counts.GetValueOrDefault(BookEventKind.Rejected) > steps / 50, $"few rejects: {Describe(counts)}");
        Assert.True(ledger.Reasons.Count >= 6, $"cancel reasons seen: {string.Join(",", ledger.Reasons)}");
        Assert.True(ledger.Rejections.Count >= 15, $"rejections seen: {string.Join(",", ledger.Rejections)}");
        Assert.True(counts.GetValueOrDefault(BookEventKind.Amended) > steps / 50, $"few amends: {Describe(counts)}");
        Assert.True(deepest >= 1_000, $"the book never grew deep: at most {deepest} resting orders");
    }

    [Fact]
    public void OrderBook_SameStreamTwice_GivesSameOutputsAndStateHash()
    {
        (string hash, long outputs) Run()
        {
            var reference = new ReferenceBook(Cea2025, FirstDay(DefaultRuleBook.Listed));
            var generator = new RandomOrderGenerator(
                77, Cea2025, DefaultRuleBook.Listed, DefaultRuleBook.Shanghai, reference);
            var book = new OrderBook(Cea2025, generator.Day);
            var output = new BookOutput();
            var scratch = new BookOutput();
            long digest = 17;
            for (int i = 0; i < 30_000; i++)
            {
                BookStep step = generator.Next();
                output.Clear();
                scratch.Clear();
                step.ApplyTo(book, output);
                step.ApplyTo(reference, scratch);
                foreach (BookEvent e in output.Events)
                {
                    digest = unchecked((digest * 31) + e.GetHashCode());
                }
            }

            return (BookSnapshot.Hash(book.Snapshot()), digest);
        }

        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void OrderBook_RestoredMidStream_ContinuesIdentically()
    {
        var reference = new ReferenceBook(Cea2025, FirstDay(DefaultRuleBook.Listed));
        var generator = new RandomOrderGenerator(
            5, Cea2025, DefaultRuleBook.Listed, DefaultRuleBook.Shanghai, reference);
        var book = new OrderBook(Cea2025, generator.Day);
        var a = new BookOutput();
        var b = new BookOutput();
        var scratch = new BookOutput();
        OrderBook? restored = null;
        for (int i = 0; i < 40_000; i++)
        {
            BookStep step = generator.Next();
            a.Clear();
            b.Clear();
            scratch.Clear();
            step.ApplyTo(book, a);
            step.ApplyTo(reference, scratch);
            if (restored is null)
            {
                if (i == 15_000)
                {
                    restored = OrderBook.Restore(book.Snapshot());
                    Assert.Equal(book.Snapshot(), restored.Snapshot());
                }

                continue;
            }

            step.ApplyTo(restored, b);
            Assert.True(a.Events.SequenceEqual(b.Events), $"step {i}: restored book diverged on {step}");
        }

        Assert.Equal(BookSnapshot.Hash(book.Snapshot()), BookSnapshot.Hash(restored!.Snapshot()));
    }

    private static TradingDay FirstDay(MarketRules rules) =>
        TradingDay.Create(
            new NodaTime.LocalDate(2026, 1, 5), Price.FromYuanPerTonne(80), rules, DefaultRuleBook.Shanghai);

    private static void AssertSameOutputs(int index, BookStep step, BookOutput expected, BookOutput actual)
    {
        if (expected.Events.SequenceEqual(actual.Events))
        {
            return;
        }

        Assert.Fail($"step {index} ({step}) diverged.\nreference:\n  {string.Join("\n  ", expected.Events.ToArray())}"
            + $"\norder book:\n  {string.Join("\n  ", actual.Events.ToArray())}");
    }

    private static void AssertNotCrossed(int index, OrderBook book)
    {
        if (book.BestBid is { } bid && book.BestAsk is { } ask)
        {
            Assert.True(bid < ask, $"step {index}: crossed book, bid {bid} ask {ask}");
        }
    }

    private static string Describe(Dictionary<BookEventKind, int> counts) =>
        string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}"));

    /// <summary>
    /// Follows every accepted order's quantity through the outputs: accepted (or amended to) = filled +
    /// cancelled + open, where open must equal the book's resting order.
    /// </summary>
    private sealed class QuantityLedger
    {
        private readonly Dictionary<long, long> _open = [];

        public HashSet<CancelReason> Reasons { get; } = [];

        public HashSet<OrderRejection> Rejections { get; } = [];

        public void Apply(ReadOnlySpan<BookEvent> events, Dictionary<BookEventKind, int> counts)
        {
            foreach (BookEvent e in events)
            {
                counts[e.Kind] = counts.GetValueOrDefault(e.Kind) + 1;
                switch (e.Kind)
                {
                    case BookEventKind.Accepted:
                        _open.Add(e.Order.Value, e.Quantity.Grams);
                        break;
                    case BookEventKind.Amended:
                        _open[e.Order.Value] = e.Quantity.Grams;
                        break;
                    case BookEventKind.Fill:
                        _open[e.Order.Value] -= e.Quantity.Grams;
                        _open[e.Counterparty.Value] -= e.Quantity.Grams;
                        Assert.Equal(_open[e.Order.Value], e.Remaining.Grams);
                        Assert.Equal(_open[e.Counterparty.Value], e.CounterRemaining.Grams);
                        break;
                    case BookEventKind.Rested:
                        Assert.Equal(_open[e.Order.Value], e.Quantity.Grams);
                        break;
                    case BookEventKind.Done:
                        Assert.Equal(0, _open[e.Order.Value]);
                        _open.Remove(e.Order.Value);
                        break;
                    case BookEventKind.Cancelled:
                        Reasons.Add(e.Reason);
                        Assert.Equal(_open[e.Order.Value], e.Quantity.Grams);
                        _open.Remove(e.Order.Value);
                        break;
                    case BookEventKind.Rejected:
                        Rejections.Add(e.Rejection);
                        break;
                }
            }
        }

        public void AssertConserved(ReferenceBook book)
        {
            // Orders still open in the ledger are exactly the resting orders, with the same open quantity.
            Assert.Equal(_open.Count, book.RestingCount);
            foreach ((long id, long open) in _open)
            {
                Assert.True(book.TryGetOrder(new OrderId(id), out RestingOrder order), $"order {id} should rest");
                Assert.Equal(open, order.Open.Grams);
            }
        }
    }
}
