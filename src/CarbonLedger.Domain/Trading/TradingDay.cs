using System.Collections.Immutable;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Rules;
using NodaTime;

namespace CarbonLedger.Domain.Trading;

/// <summary>
/// One trading day of one book: the date, the previous close, the rule version in force, the price band
/// derived from them and the session windows as instants. Resolved once when the day opens, so the hot
/// path compares instants and prices and never touches time zones or the rule book.
/// </summary>
public sealed class TradingDay
{
    private readonly Instant[] _sessionStarts;
    private readonly Instant[] _sessionEnds;

    private TradingDay(LocalDate date, Price previousClose, MarketRules rules, DateTimeZone zone)
    {
        Date = date;
        PreviousClose = previousClose;
        Rules = rules;
        Zone = zone;
        Band = rules.BandAround(previousClose);
        _sessionStarts = new Instant[rules.Sessions.Length];
        _sessionEnds = new Instant[rules.Sessions.Length];
        for (int i = 0; i < rules.Sessions.Length; i++)
        {
            _sessionStarts[i] = zone.AtLeniently(date + rules.Sessions[i].Start).ToInstant();
            _sessionEnds[i] = zone.AtLeniently(date + rules.Sessions[i].End).ToInstant();
        }
    }

    /// <summary>The local trading date.</summary>
    public LocalDate Date { get; }

    /// <summary>The reference price for the band (domain.md §2.2: the previous trading day's close).</summary>
    public Price PreviousClose { get; }

    /// <summary>The rules in force.</summary>
    public MarketRules Rules { get; }

    /// <summary>The market's zone.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The day's price band.</summary>
    public PriceBand Band { get; }

    /// <summary>Session windows of this date as instants, <c>[start, end)</c>.</summary>
    public ImmutableArray<Interval> Sessions =>
        [.. _sessionStarts.Select((start, i) => new Interval(start, _sessionEnds[i]))];

    /// <summary>A day with explicit rules.</summary>
    public static TradingDay Create(LocalDate date, Price previousClose, MarketRules rules, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(previousClose.FenPerTonne);
        return new TradingDay(date, previousClose, rules, zone);
    }

    /// <summary>A day with the rules <paramref name="ruleBook"/> has in force for the instrument and mode.</summary>
    public static TradingDay From(
        RuleBook ruleBook, InstrumentId instrument, TradingMode mode, LocalDate date, Price previousClose)
    {
        ArgumentNullException.ThrowIfNull(ruleBook);
        return Create(date, previousClose, ruleBook.MarketRulesFor(instrument, mode, date), ruleBook.Zone);
    }

    /// <summary>True when <paramref name="at"/> is inside one of the day's session windows.</summary>
    public bool IsOpenAt(Instant at)
    {
        for (int i = 0; i < _sessionStarts.Length; i++)
        {
            if (at >= _sessionStarts[i] && at < _sessionEnds[i])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An instant in the first session (handy for tests and tools); throws when there is none.</summary>
    public Instant FirstSessionStart => _sessionStarts.Length > 0
        ? _sessionStarts[0]
        : throw new InvalidOperationException($"trading day {Date:yyyy-MM-dd} has no session");
}
