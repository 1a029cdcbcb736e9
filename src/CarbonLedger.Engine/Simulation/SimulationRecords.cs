using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Quantities;
using NodaTime;

namespace CarbonLedger.Engine.Simulation;

/// <summary>What to simulate: trading days, trading accounts (at least 3: a short, a long, a maker), a seed.</summary>
public sealed record SimulationOptions(int Days, int Traders, int Seed)
{
    /// <summary>The first trading day (the next one when this date is closed).</summary>
    public LocalDate Start { get; init; } = new(2026, 3, 2);
}

/// <summary>One simulated trading day: its market data and what was sent and traded.</summary>
public sealed record SimulatedDay(int Number, DailyMarketData Data, int Orders, int Accepted, int Trades, Money Fees);

/// <summary>
/// The simulation's totals, read from the core at the end (after its invariants passed): commands, trades,
/// block trades, auction allocations, fees collected, cash deposited and cash held (equal: cash is
/// conserved), and the journal's last sequence.
/// </summary>
public sealed record SimulationResult(
    IReadOnlyList<SimulatedDay> Days, long Submitted, long Accepted, long Rejected, long Trades, int BlockTrades,
    int AuctionAllocations, Money Fees, Money CashDeposited, Money CashHeld, long Sequence);

/// <summary>Running counts of a simulation.</summary>
internal sealed class SimulationTally
{
    public List<SimulatedDay> Days { get; } = [];

    public long Submitted { get; set; }

    public long Accepted { get; set; }

    public long Rejected { get; set; }

    public int BlockTrades { get; set; }

    public int AuctionAllocations { get; set; }
}
