using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Tests.Exchange.Support;
using CarbonLedger.Testing.Generators;
using CarbonLedger.Testing.Reference;

namespace CarbonLedger.Domain.Tests.Exchange;

/// <summary>
/// <see cref="EventContent.Same"/> (compiled comparers, the replay's check that an exchange event re-runs to the same
/// outcome) against the plain-reflection oracle, on the events of seeded random trading days: every event against
/// itself and an equal copy, random pairs of the same kind, and copies with one part changed.
/// </summary>
public sealed class EventContentTests
{
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void Same_EventsOfSeededTradingDays_AgreesWithTheReflectionOracle(int seed)
    {
        List<LedgerEvent> events = TradingDayEvents(seed);
        var random = new Random(seed);
        int equal = 0;
        int different = 0;
        void Check(object a, object b)
        {
            bool expected = ReferenceEventContent.Same(a, b);
            Assert.True(expected == EventContent.Same(a, b),
                $"oracle says {expected} for\n{ContentText.Of(a)}\n{ContentText.Of(b)}");
            if (expected)
            {
                equal++;
            }
            else
            {
                different++;
            }
        }

        var byKind = events.GroupBy(e => e.GetType()).ToDictionary(g => g.Key, g => g.ToList());
        foreach (LedgerEvent e in events)
        {
            Check(e, e);
            List<LedgerEvent> kin = byKind[e.GetType()];
            Check(e, kin[random.Next(kin.Count)]);
            Check(e, events[random.Next(events.Count)]);
            if (e is OrderPlaced { Fills.Count: > 0 } placed)
            {
                TradeFill last = placed.Fills[^1];
                Check(placed, placed with { Fills = [.. placed.Fills] });
                Check(placed, placed with { Fills = [.. placed.Fills.SkipLast(1)] });
                Money fee = last.BuyerFee + new Money(1);
                Check(placed, placed with { Fills = [.. placed.Fills.SkipLast(1), last with { BuyerFee = fee }] });
                TradeFill copied = last with { Serials = [.. last.Serials] };
                Check(placed, placed with { Fills = [.. placed.Fills.SkipLast(1), copied] });
                Check(placed, placed with { Open = placed.Open + Co2e.FromTonnes(1) });
                Check(placed, placed with { FeesVersion = placed.FeesVersion + "x" });
            }
        }

        Assert.True(equal > 1_000 && different > 1_000, $"{equal} equal and {different} different pairs only");
    }

    private static List<LedgerEvent> TradingDayEvents(int seed)
    {
        var h = new ExchangeHarness();
        var generator = new RandomExchangeGenerator(seed, h.Reference);
        for (int i = 0; i < 2_000; i++)
        {
            (LedgerCommand command, NodaTime.Instant at) = generator.Next();
            h.Now = at;
            h.Run(command);
        }

        return [.. h.Journal.Select(j => j.Event)];
    }
}
