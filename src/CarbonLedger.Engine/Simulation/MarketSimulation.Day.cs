using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Trading;
using NodaTime;

namespace CarbonLedger.Engine.Simulation;

public sealed partial class MarketSimulation
{
    /// <summary>Minutes between steps: 24 steps per session (09:30–11:30, 13:00–15:00).</summary>
    private const int StepMinutes = 5;

    private async Task TradeDayAsync(int index, LocalDate day, CancellationToken ct)
    {
        // The fair value walks up to ±2 % a day (integer fen, never floating point).
        _fair = Math.Max(100, _fair + (_fair * _rng.Next(-200, 201) / 10_000));
        _clock.Set(At(day, 9, 0));
        await SubmitAllAsync([new OpenTradingDay(Key($"d{index}-open"), s_operator, day)], ct);
        long? auction = null;
        bool auctionDay = index == Math.Min(1, _options.Days - 1);
        if (auctionDay)
        {
            _clock.Set(At(day, 9, 5));
            auction = await AnnounceAuctionAsync(day, ct);
        }

        var tally = new DayTally();
        foreach (Instant step in Steps(day))
        {
            _clock.Set(step);
            LocalTime time = step.InZone(s_zone).TimeOfDay;
            var orders = new List<LedgerCommand>();
            for (int n = 0; n < Math.Max(2, _options.Traders / 4); n++)
            {
                orders.AddRange(OrdersOf(_rng.Next(_options.Traders), index));
            }

            if (auction is { } a && time >= new LocalTime(10, 0) && time < new LocalTime(11, 0))
            {
                orders.AddRange(Bids(a, index));
            }

            await SubmitAllAsync(orders, ct, tally);
            if (time == new LocalTime(13, 30))
            {
                await BlockTradeAsync(index, ct);
            }

            if (auction is { } closing && time == new LocalTime(11, 0))
            {
                await CloseAuctionAsync(closing, index, ct);
                auction = null;
            }
        }

        _clock.Set(At(day, 15, 30));
        List<CommandResult> closed = await SubmitAllAsync(
            [new CloseTradingDay(Key($"d{index}-close"), s_operator, day)], ct);
        var data = ((TradingDayClosed)closed[0].Event!).MarketData.Single();
        var result = new SimulatedDay(
            index + 1, data, tally.Orders, tally.Accepted, tally.Trades, new Money(tally.Fees));
        _tally.Days.Add(result);
        DayClosed?.Invoke(result);
    }

    private static IEnumerable<Instant> Steps(LocalDate day)
    {
        foreach ((int from, int to) in new[] { (9 * 60 + 30, 11 * 60 + 30), (13 * 60, 15 * 60) })
        {
            for (int m = from; m < to; m += StepMinutes)
            {
                yield return At(day, m / 60, m % 60);
            }
        }
    }

    /// <summary>What one trader sends in a step: buyers bid, sellers offer, makers quote both sides, and now and
    /// then a trader withdraws one of its resting orders.</summary>
    private IEnumerable<LedgerCommand> OrdersOf(int t, int day)
    {
        if (_resting.TryGetValue(t, out List<long>? mine) && mine.Count > 0 && _rng.Next(10) == 0)
        {
            int i = _rng.Next(mine.Count);
            long id = mine[i];
            mine.RemoveAt(i);
            yield return new CancelOrder(Key($"d{day}-cx"), Owner(t), Trader(t), id);
            yield break;
        }

        TimeInForce tif = _rng.Next(10) switch
        {
            < 6 => TimeInForce.Gtc,
            < 9 => TimeInForce.Day,
            _ => TimeInForce.Ioc,
        };
        switch (Kind(t))
        {
            case TraderKind.Short:
                yield return Limit(t, day, Side.Buy, _fair + _rng.Next(-15, 11), _rng.Next(1, 31) * 100, tif);
                break;
            case TraderKind.Long:
                yield return Limit(t, day, Side.Sell, _fair + _rng.Next(-10, 16), _rng.Next(1, 31) * 100, tif);
                break;
            default:
                yield return Limit(t, day, Side.Buy, _fair - _rng.Next(5, 31), _rng.Next(1, 11) * 100, tif);
                yield return Limit(t, day, Side.Sell, _fair + _rng.Next(5, 31), _rng.Next(1, 11) * 100, tif);
                break;
        }
    }

    private PlaceOrder Limit(int t, int day, Side side, long price, long tonnes, TimeInForce tif) =>
        new(Key($"d{day}-o"), Owner(t), Trader(t), s_cea, side, OrderType.Limit, tif, Price.FromFenPerTonne(price),
            Co2e.FromTonnes(tonnes));

    /// <summary>A long enterprise proposes a block sale to a short one, which confirms five minutes later.</summary>
    private async Task BlockTradeAsync(int day, CancellationToken ct)
    {
        int seller = Pick(TraderKind.Long);
        int buyer = Pick(TraderKind.Short);
        long price = _fair + (_fair * _rng.Next(-500, 501) / 10_000);
        var post = new PostBlockOrder(Key($"d{day}-blk"), Owner(seller), Trader(seller), s_cea, Side.Sell,
            Price.FromFenPerTonne(price), Co2e.FromTonnes(100_000 + (_rng.Next(0, 21) * 10_000)), Trader(buyer));
        List<CommandResult> posted = await SubmitAllAsync([post], ct);
        if (posted[0].Event is BlockOrderPosted p)
        {
            List<CommandResult> confirmed = await SubmitAllAsync(
                [new ConfirmBlockOrder(Key($"d{day}-cfm"), Owner(buyer), Trader(buyer), p.BlockOrderId)], ct);
            _tally.BlockTrades += confirmed[0].Outcome.IsAccepted && !confirmed[0].Outcome.AlreadyApplied ? 1 : 0;
        }
    }

    private async Task<long?> AnnounceAuctionAsync(LocalDate day, CancellationToken ct)
    {
        int seller = Pick(TraderKind.Long);
        var announce = new AnnounceAuction(Key("auction"), Owner(seller), Trader(seller), s_cea,
            Co2e.FromTonnes(300_000), Price.FromFenPerTonne(_fair * 95 / 100), At(day, 10, 0), At(day, 11, 0),
            AuctionPricing.Uniform);
        List<CommandResult> r = await SubmitAllAsync([announce], ct);
        return r[0].Event is AuctionAnnounced a ? a.AuctionId : null;
    }

    private IEnumerable<LedgerCommand> Bids(long auction, int day)
    {
        int bidder = Pick(TraderKind.Short);
        long price = (_fair * 95 / 100) + _rng.Next(0, (int)Math.Max(1, _fair / 10));
        yield return new PlaceBid(Key($"d{day}-bid"), Owner(bidder), Trader(bidder), auction,
            Price.FromFenPerTonne(price), Co2e.FromTonnes(_rng.Next(1, 11) * 10_000));
    }

    private async Task CloseAuctionAsync(long auction, int day, CancellationToken ct)
    {
        List<CommandResult> r = await SubmitAllAsync([new CloseAuction(Key($"d{day}-auc"), s_operator, auction)], ct);
        if (r[0].Event is AuctionClosed closed)
        {
            _tally.AuctionAllocations += closed.Allocations.Count(a => a.Quantity.Grams > 0);
        }
    }

    private int Pick(TraderKind kind)
    {
        int count = (_options.Traders + 2 - (int)kind) / 3;
        return ((int)kind) + (3 * _rng.Next(count));
    }

    /// <summary>Submits the commands together, in order (one group commit when the engine can), and waits.</summary>
    private async Task<List<CommandResult>> SubmitAllAsync(List<LedgerCommand> commands, CancellationToken ct,
        DayTally? day = null)
    {
        var pending = commands.Select(c => Acknowledge(c, _engine.SubmitAsync(c, null, ct))).ToList();
        var results = new List<CommandResult>(pending.Count);
        foreach (Task<CommandResult> p in pending)
        {
            results.Add(await p);
        }

        for (int i = 0; i < commands.Count; i++)
        {
            Count(commands[i], results[i], day);
        }

        return results;
    }

    private async Task<CommandResult> Acknowledge(LedgerCommand command, Task<CommandResult> submitted)
    {
        CommandResult result = await submitted;
        if (result.Outcome.IsAccepted)
        {
            Acknowledged?.Invoke(command);
        }

        return result;
    }

    private void Count(LedgerCommand command, CommandResult result, DayTally? day)
    {
        _tally.Submitted++;
        if (result.Outcome.IsAccepted)
        {
            _tally.Accepted++;
        }
        else
        {
            _tally.Rejected++;
        }

        if (command is PlaceOrder order && result.Event is OrderPlaced placed)
        {
            if (placed.Status == OrderStatus.Resting)
            {
                int t = int.Parse(order.Account.Value[6..], System.Globalization.CultureInfo.InvariantCulture);
                (_resting.TryGetValue(t, out List<long>? list) ? list : _resting[t] = []).Add(placed.OrderId);
            }

            if (day is not null)
            {
                day.Trades += placed.Fills.Count;
                day.Fees += placed.Fills.Sum(f => f.BuyerFee.Fen + f.SellerFee.Fen);
            }
        }

        if (day is not null && command is PlaceOrder)
        {
            day.Orders++;
            day.Accepted += result.Outcome.IsAccepted ? 1 : 0;
        }
    }

    private sealed class DayTally
    {
        public int Orders { get; set; }

        public int Accepted { get; set; }

        public int Trades { get; set; }

        public long Fees { get; set; }
    }
}
