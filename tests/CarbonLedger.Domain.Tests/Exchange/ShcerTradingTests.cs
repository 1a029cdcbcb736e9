using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Tests.Exchange.Support;
using CarbonLedger.Domain.Trading;
using static CarbonLedger.Domain.Tests.Exchange.Support.ExchangeHarness;

namespace CarbonLedger.Domain.Tests.Exchange;

/// <summary>
/// SHCER (issued from 碳普惠 scenario periods) trade as an exchange instrument like any credit: serial blocks are
/// delivered with the trade, against the oracle.
/// </summary>
public sealed class ShcerTradingTests
{
    private const string Shcer = "SHCER-2026";

    [Fact]
    public void ListedShcer_CrossingOrders_DeliverTheLowestSerialsDvP()
    {
        ExchangeHarness h = Standard();
        h.Accept(h.Cmd.IssueCredits("reg", "MEE", "T-A", Shcer, 1, 12));
        h.Accept(h.Cmd.List(Operator, Shcer, 6_000));
        h.OpenDay(Monday);
        h.Now = h.At(Monday, 10, 0);

        h.Accept(h.Cmd.Limit("alice", "T-A", Shcer, Side.Sell, 6_000, 5));
        OrderPlaced buy = h.Accept<OrderPlaced>(h.Cmd.Limit("bob", "T-B", Shcer, Side.Buy, 6_000, 5));

        TradeFill fill = Assert.Single(buy.Fills);
        Assert.Equal([new Domain.Credits.SerialRange(1, 5)], fill.Serials);
        Assert.Equal(
            [(new Domain.Credits.SerialRange(1, 5), "T-B"), (new Domain.Credits.SerialRange(6, 12), "T-A")],
            h.Ledger.AllSerialHoldings().Where(s => s.Instrument.ToString() == Shcer)
                .OrderBy(s => s.Serials.Start).Select(s => (s.Serials, s.Account.Value)).ToList());
        Assert.Equal(h.Ledger.ComputeStateHash(), h.Replay().ComputeStateHash());
    }
}
