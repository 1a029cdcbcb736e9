using System.Collections.Immutable;
using CarbonLedger.Domain.Instruments;
using NodaTime;

namespace CarbonLedger.Domain.Rules;

/// <summary>
/// The versioned parameters of the market: for each programme and trading mode, a list of
/// <see cref="MarketRules"/> versions with the date each takes effect (in the market's time zone). A query
/// for a date returns the latest version effective on or before it, so a replay of an old day uses that
/// day's rules and a new version never rewrites history.
/// </summary>
public sealed class RuleBook
{
    private readonly ImmutableDictionary<(Programme, TradingMode), ImmutableArray<EffectiveRules>> _market;
    private readonly ImmutableDictionary<(Programme, TradingMode), ImmutableArray<EffectiveFees>> _fees;

    private RuleBook(
        DateTimeZone zone, ImmutableDictionary<(Programme, TradingMode), ImmutableArray<EffectiveRules>> market,
        ImmutableDictionary<(Programme, TradingMode), ImmutableArray<EffectiveFees>> fees, TradingCalendar calendar)
    {
        Zone = zone;
        _market = market;
        _fees = fees;
        Calendar = calendar;
    }

    /// <summary>The market's time zone (Asia/Shanghai): sessions and trading days are local to it.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The trading calendar: which dates the exchange trades.</summary>
    public TradingCalendar Calendar { get; }

    /// <summary>An empty rule book in <paramref name="zone"/> (weekdays trade, no fees, no market rules).</summary>
    public static RuleBook Empty(DateTimeZone zone) =>
        new(zone, ImmutableDictionary<(Programme, TradingMode), ImmutableArray<EffectiveRules>>.Empty,
            ImmutableDictionary<(Programme, TradingMode), ImmutableArray<EffectiveFees>>.Empty,
            TradingCalendar.WeekdaysOnly);

    /// <summary>A new rule book that also closes <paramref name="days"/> (holidays, announced closures).</summary>
    public RuleBook WithClosedDays(IEnumerable<LocalDate> days) =>
        new(Zone, _market, _fees, Calendar.WithClosedDays(days));

    /// <summary>
    /// A new rule book with <paramref name="fees"/> effective for <paramref name="programme"/> from
    /// <paramref name="effectiveFrom"/>. Two versions may not take effect on the same date.
    /// </summary>
    public RuleBook WithFeeSchedule(Programme programme, LocalDate effectiveFrom, FeeSchedule fees)
    {
        ArgumentNullException.ThrowIfNull(fees);
        var key = (programme, fees.Mode);
        ImmutableArray<EffectiveFees> versions = _fees.TryGetValue(key, out var existing) ? existing : [];
        if (versions.Any(v => v.From == effectiveFrom))
        {
            throw new ArgumentException(
                $"{programme.Code()} {fees.Mode} already has fees effective {effectiveFrom:yyyy-MM-dd}");
        }

        ImmutableArray<EffectiveFees> updated = versions.Add(new EffectiveFees(effectiveFrom, fees))
            .Sort(static (a, b) => a.From.CompareTo(b.From));
        return new RuleBook(Zone, _market, _fees.SetItem(key, updated), Calendar);
    }

    /// <summary>
    /// The fees for <paramref name="instrument"/> in <paramref name="mode"/> on <paramref name="date"/>; a
    /// mode without any fee version is free (a zero schedule named <c>NONE</c>).
    /// </summary>
    public FeeSchedule FeesFor(InstrumentId instrument, TradingMode mode, LocalDate date)
    {
        if (_fees.TryGetValue((instrument.Programme, mode), out var versions))
        {
            for (int i = versions.Length - 1; i >= 0; i--)
            {
                if (versions[i].From <= date)
                {
                    return versions[i].Fees;
                }
            }
        }

        return new FeeSchedule("NONE", mode, FeeRate.Free, FeeRate.Free);
    }

    /// <summary>
    /// A new rule book with <paramref name="rules"/> effective for <paramref name="programme"/> from
    /// <paramref name="effectiveFrom"/>. Two versions may not take effect on the same date.
    /// </summary>
    public RuleBook WithMarketRules(Programme programme, LocalDate effectiveFrom, MarketRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var key = (programme, rules.Mode);
        ImmutableArray<EffectiveRules> versions = _market.TryGetValue(key, out var existing) ? existing : [];
        foreach (EffectiveRules version in versions)
        {
            if (version.From == effectiveFrom)
            {
                throw new ArgumentException(
                    $"{programme.Code()} {rules.Mode} already has rules effective {effectiveFrom:yyyy-MM-dd}");
            }
        }

        ImmutableArray<EffectiveRules> updated = versions.Add(new EffectiveRules(effectiveFrom, rules))
            .Sort(static (a, b) => a.From.CompareTo(b.From));
        return new RuleBook(Zone, _market.SetItem(key, updated), _fees, Calendar);
    }

    /// <summary>
    /// The rules governing <paramref name="instrument"/> in <paramref name="mode"/> on <paramref name="date"/>;
    /// false when no version is effective yet (the market for it has not opened).
    /// </summary>
    public bool TryGetMarketRules(InstrumentId instrument, TradingMode mode, LocalDate date, out MarketRules rules)
    {
        rules = null!;
        if (!_market.TryGetValue((instrument.Programme, mode), out var versions))
        {
            return false;
        }

        for (int i = versions.Length - 1; i >= 0; i--)
        {
            if (versions[i].From <= date)
            {
                rules = versions[i].Rules;
                return true;
            }
        }

        return false;
    }

    /// <summary>As <see cref="TryGetMarketRules"/>, throwing a clear error when there is no version.</summary>
    public MarketRules MarketRulesFor(InstrumentId instrument, TradingMode mode, LocalDate date) =>
        TryGetMarketRules(instrument, mode, date, out MarketRules rules)
            ? rules
            : throw new InvalidOperationException(
                $"no {mode} market rules for {instrument} effective on {date:yyyy-MM-dd}");

    private readonly record struct EffectiveRules(LocalDate From, MarketRules Rules);

    private readonly record struct EffectiveFees(LocalDate From, FeeSchedule Fees);
}
