using NodaTime;

namespace CarbonLedger.Engine.Simulation;

/// <summary>
/// A clock a driver sets (simulations, load harnesses that must stay inside a trading session): it reads
/// what was last set. Thread-safe; the engine never sees time go backwards anyway (it stamps monotonically).
/// </summary>
public sealed class SimulatedClock(Instant start) : IClock
{
    private long _ticks = start.ToUnixTimeTicks();

    /// <summary>Sets the current instant.</summary>
    public void Set(Instant now) => Interlocked.Exchange(ref _ticks, now.ToUnixTimeTicks());

    /// <inheritdoc />
    public Instant GetCurrentInstant() => Instant.FromUnixTimeTicks(Interlocked.Read(ref _ticks));
}
