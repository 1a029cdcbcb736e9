using NodaTime;

namespace CarbonLedger.Domain.Mrv;

/// <summary>
/// The monthly evidence deadline (domain.md §5.2): 40 calendar days after the month ends, to the end of
/// that day in the market's zone (Asia/Shanghai). A late submission is accepted and recorded as late with
/// the days it was late by: the deadline is tracked for the regulator, it does not erase data.
/// </summary>
public static class EvidenceDeadline
{
    /// <summary>Days after month end allowed for a month's evidence.</summary>
    public const int DaysAfterMonthEnd = 40;

    /// <summary>The last day on which <paramref name="year"/>-<paramref name="month"/>'s evidence is on time.</summary>
    public static LocalDate For(int year, int month) =>
        new LocalDate(year, month, 1).PlusMonths(1).PlusDays(-1).PlusDays(DaysAfterMonthEnd);

    /// <summary>
    /// Whole days after the deadline that <paramref name="at"/> falls in <paramref name="zone"/>; 0 when on time.
    /// </summary>
    public static int DaysLate(int year, int month, Instant at, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        LocalDate submitted = at.InZone(zone).Date;
        int late = Period.Between(For(year, month), submitted, PeriodUnits.Days).Days;
        return Math.Max(0, late);
    }
}
