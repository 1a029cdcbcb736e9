using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Rules;
using CarbonLedger.Domain.Trading;
using NodaTime;

namespace CarbonLedger.Benchmarks.Matching;

/// <summary>
/// The fixed market the matching workloads trade in: SEEE listed rules (tick 1 fen, lot 1 t, ±10 % band),
/// trading date 2026-11-25, every command stamped from 10:00:00 Asia/Shanghai (inside the morning session)
/// one microsecond apart, so a stream of up to 5.4 × 10⁹ commands stays in the session.
/// </summary>
internal static class MatchingMarket
{
    /// <summary>The trading date of every workload.</summary>
    public static readonly LocalDate Date = new(2026, 11, 25);

    /// <summary>10:00 Asia/Shanghai on <see cref="Date"/>.</summary>
    public static readonly Instant Start =
        DefaultRuleBook.Shanghai.AtStrictly(Date + new LocalTime(10, 0)).ToInstant();

    /// <summary>
    /// Every instrument id the domain can name: 4 programmes × vintages 2005–2100 = 384. Fewer than the 2,000
    /// books of the deep workload, so books there are routed by a dense number and share these labels.
    /// </summary>
    public static IReadOnlyList<InstrumentId> Instruments { get; } = AllInstruments();

    /// <summary>The stamp of command <paramref name="index"/> (the book only checks it is in a session).</summary>
    public static Instant At(long index) => Start + Duration.FromTicks(index * 10);

    /// <summary>A listed-mode day with the default SEEE rules around <paramref name="previousClose"/>.</summary>
    public static TradingDay Day(Price previousClose) =>
        TradingDay.Create(Date, previousClose, DefaultRuleBook.Listed, DefaultRuleBook.Shanghai);

    private static InstrumentId[] AllInstruments()
    {
        var ids = new List<InstrumentId>();
        ReadOnlySpan<Programme> programmes = [Programme.Cea, Programme.Shea, Programme.Ccer, Programme.Shcer];
        for (int year = Vintage.MinYear; year <= Vintage.MaxYear; year++)
        {
            foreach (Programme p in programmes)
            {
                ids.Add(new InstrumentId(p, Vintage.Of(year)));
            }
        }

        return [.. ids];
    }
}
