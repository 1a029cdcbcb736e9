using System.Text;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Trading;

namespace CarbonLedger.Engine.Backtest;

/// <summary>What a <see cref="MatchRun"/> did: counts, rejections by code, and the final state of each book.</summary>
/// <param name="Rows">Data rows read (comment and blank lines and the header excluded).</param>
/// <param name="Commands">Order command rows run (limit, market, pick, cancel, amend).</param>
/// <param name="DayRows">open_day and close_day rows run.</param>
/// <param name="Malformed">Rows reported as malformed (nothing of them reached a book).</param>
/// <param name="Events">Book outputs written.</param>
/// <param name="Fills">Fill outputs (trades).</param>
/// <param name="Rejections">Rejected outputs by code, in code order.</param>
/// <param name="Books">Each book after the last row, by instrument order.</param>
public sealed record MatchSummary(
    long Rows,
    long Commands,
    long DayRows,
    long Malformed,
    long Events,
    long Fills,
    IReadOnlyDictionary<OrderRejection, long> Rejections,
    IReadOnlyList<MatchSummary.BookState> Books)
{
    /// <summary>All rejections.</summary>
    public long RejectionCount => Rejections.Values.Sum();

    /// <summary>The summary printed by <c>carbonledger match</c>, one fact per line, ending in <c>\n</c>.</summary>
    public string Format()
    {
        var text = new StringBuilder();
        Line(text, $"rows read: {Rows} ({Commands} commands, {DayRows} day rows, {Malformed} malformed)");
        Line(text, $"events written: {Events}");
        Line(text, $"fills: {Fills}");
        Line(text, RejectionCount == 0 ? "rejections: 0"
            : $"rejections: {RejectionCount} ({string.Join(", ", Rejections.Select(r => $"{r.Key} {r.Value}"))})");
        Line(text, $"malformed rows: {Malformed}");
        foreach (BookState book in Books)
        {
            Line(text, $"{book.Instrument}: {book.Resting} resting, state hash {book.StateHash}");
        }

        return text.ToString();
    }

    // Culture-free: the product runs with invariant globalization, so numbers format the same everywhere.
    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');

    /// <summary>One book at the end of the run.</summary>
    /// <param name="Instrument">Its instrument.</param>
    /// <param name="Resting">Orders resting in it.</param>
    /// <param name="StateHash"><see cref="BookSnapshot.Hash"/> of its canonical snapshot.</param>
    public sealed record BookState(InstrumentId Instrument, int Resting, string StateHash);
}
