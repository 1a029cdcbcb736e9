using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Tests.Exchange.Support;
using CarbonLedger.Testing.Generators;

namespace CarbonLedger.Domain.Tests.Exchange;

/// <summary>
/// Seeded random trading days run through the real core and the naive <c>ReferenceLedger</c> side by side:
/// every outcome, every event (fills, fees, expiries, allocations) and the whole state after every command
/// must agree, invariants hold after every command, and a replay of the journal re-executes every exchange
/// event to the same state hash.
/// </summary>
public sealed class ExchangeDifferentialTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomTradingDays_RealLedgerAndReferenceLedger_Agree(int seed)
    {
        var h = new ExchangeHarness();
        var generator = new RandomExchangeGenerator(seed, h.Reference);
        var accepted = new Dictionary<Type, int>();
        var rejected = new Dictionary<LedgerRejection, int>();
        int fills = 0;
        int retries = 0;
        for (int i = 0; i < 3_000; i++)
        {
            (LedgerCommand command, NodaTime.Instant at) = generator.Next();
            h.Now = at;
            LedgerDecision d = h.Run(command);
            if (d.Event is { } e)
            {
                accepted[e.GetType()] = accepted.GetValueOrDefault(e.GetType()) + 1;
                fills += e switch
                {
                    OrderPlaced p => p.Fills.Count,
                    OrderAmended a => a.Fills.Count,
                    _ => 0,
                };
            }
            else if (d.Outcome.AlreadyApplied)
            {
                retries++;
            }
            else
            {
                rejected[d.Outcome.Rejection] = rejected.GetValueOrDefault(d.Outcome.Rejection) + 1;
            }
        }

        Assert.Equal(h.Ledger.ComputeStateHash(), h.Replay().ComputeStateHash());

        // The stream exercised what it is meant to: trading, every kind of exchange event, rejections, retries.
        string Summary() =>
            "rejections: "
            + string.Join(", ", rejected.OrderByDescending(r => r.Value).Select(r => $"{r.Key}={r.Value}"))
            + "; accepted: " + string.Join(", ", accepted.Select(a => $"{a.Key.Name}={a.Value}"));
        Assert.True(fills > 100, $"only {fills} fills; {Summary()}");
        foreach (Type kind in new[]
                 {
                     typeof(OrderPlaced), typeof(OrderCancelled), typeof(OrderAmended), typeof(TradingDayOpened),
                     typeof(TradingDayClosed), typeof(BlockOrderPosted), typeof(BlockTradeConfirmed),
                     typeof(AuctionAnnounced), typeof(BidPlaced), typeof(AuctionClosed), typeof(CashWithdrawn),
                 })
        {
            Assert.True(accepted.GetValueOrDefault(kind) > 0, $"seed {seed}: no {kind.Name} accepted");
        }

        Assert.True(rejected.Count >= 15,
            $"only {rejected.Count} distinct rejections: {string.Join(", ", rejected.Keys)}");
        Assert.True(retries > 0);
    }
}
