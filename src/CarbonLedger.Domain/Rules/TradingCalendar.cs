using System.Collections.Immutable;
using NodaTime;

namespace CarbonLedger.Domain.Rules;

/// <summary>
/// Which dates the exchange trades (domain.md §2.3): Monday to Friday, except statutory holidays and
/// exchange-announced closure days, which are rule data. Dates are in the market's zone (Asia/Shanghai).
/// </summary>
public sealed class TradingCalendar
{
    private readonly ImmutableSortedSet<LocalDate> _closed;

    private TradingCalendar(ImmutableSortedSet<LocalDate> closed) => _closed = closed;

    /// <summary>Weekends only.</summary>
    public static TradingCalendar WeekdaysOnly { get; } = new([]);

    /// <summary>The announced closure days (holidays), ascending.</summary>
    public IReadOnlyCollection<LocalDate> ClosedDays => _closed;

    /// <summary>A calendar that also closes <paramref name="days"/>.</summary>
    public TradingCalendar WithClosedDays(IEnumerable<LocalDate> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        return new TradingCalendar(_closed.Union(days));
    }

    /// <summary>True when the exchange trades on <paramref name="date"/>.</summary>
    public bool IsTradingDay(LocalDate date) =>
        date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && !_closed.Contains(date);

    /// <summary>The first trading day after <paramref name="date"/> (a closure run never lasts a year).</summary>
    public LocalDate NextTradingDay(LocalDate date)
    {
        LocalDate next = date.PlusDays(1);
        for (int i = 0; i < 366 && !IsTradingDay(next); i++)
        {
            next = next.PlusDays(1);
        }

        return IsTradingDay(next)
            ? next
            : throw new InvalidOperationException($"no trading day within a year after {date:yyyy-MM-dd}");
    }
}
