using System.Globalization;
using System.Text;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Trading;

namespace CarbonLedger.Engine.Backtest;

/// <summary>
/// Writes the output CSV of <c>carbonledger match</c> (docs/reference/match-csv.md): a header, then one row
/// per <see cref="BookEvent"/> and per malformed input row. Every cell is formatted without culture, prices
/// with exactly 2 decimals, quantities with exactly 6, lines end in <c>\n</c>: the same events give the same
/// bytes. A field a kind does not define is left empty.
/// </summary>
public sealed class BookEventCsvWriter
{
    /// <summary>The output columns.</summary>
    public const string Header =
        "line,command,instrument,kind,order,trader,side,price,quantity,remaining,counterparty,counter_trader," +
        "counter_remaining,trade_id,rejection,reason,priority_kept,message";

    private readonly TextWriter _writer;
    private readonly StringBuilder _row = new(160);

    /// <summary>Writes to <paramref name="writer"/>; call <see cref="WriteHeader"/> first.</summary>
    public BookEventCsvWriter(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
    }

    /// <summary>The header line.</summary>
    public void WriteHeader()
    {
        _writer.Write(Header);
        _writer.Write('\n');
    }

    /// <summary>One book output, caused by the input row at <paramref name="line"/>.</summary>
    public void WriteEvent(int line, MatchRowKind command, InstrumentId instrument, in BookEvent e)
    {
        StringBuilder r = _row.Clear();
        Append(r, line).Append(',').Append(command.Code()).Append(',').Append(instrument.ToString()).Append(',')
            .Append(KindCode(e.Kind)).Append(',');
        Append(r, e.Order.Value).Append(',');
        Append(r, e.Trader.Value).Append(',');
        r.Append(e.Side is Side.Buy or Side.Sell ? e.Side.Code() : "").Append(',');
        bool hasPrice = e.Kind is BookEventKind.Accepted or BookEventKind.Amended or BookEventKind.Fill
            or BookEventKind.Rested or BookEventKind.Cancelled;
        (hasPrice ? Yuan(r, e.Price) : r).Append(',');
        (hasPrice ? Tonnes(r, e.Quantity) : r).Append(',');
        if (e.Kind == BookEventKind.Fill)
        {
            Tonnes(r, e.Remaining).Append(',');
            Append(r, e.Counterparty.Value).Append(',');
            Append(r, e.CounterTrader.Value).Append(',');
            Tonnes(r, e.CounterRemaining).Append(',');
            Append(r, e.TradeId).Append(',');
        }
        else
        {
            r.Append(",,,,,");
        }

        r.Append(e.Kind == BookEventKind.Rejected ? e.Rejection.ToString() : "").Append(',');
        r.Append(e.Kind == BookEventKind.Cancelled ? e.Reason.ToString() : "").Append(',');
        r.Append(e.Kind == BookEventKind.Amended ? (e.PriorityKept ? "true" : "false") : "").Append(',');
        End(r);
    }

    /// <summary>A malformed input row: only the line, the row kind if it was readable and the message.</summary>
    public void WriteMalformed(int line, MatchRowKind command, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        StringBuilder r = _row.Clear();
        Append(r, line).Append(',').Append(command.Code()).Append(",,malformed,,,,,,,,,,,,,,");
        Quoted(r, message);
        End(r);
    }

    /// <summary>The output spelling of an event kind.</summary>
    public static string KindCode(BookEventKind kind) => kind switch
    {
        BookEventKind.Rejected => "rejected",
        BookEventKind.Accepted => "accepted",
        BookEventKind.Amended => "amended",
        BookEventKind.Fill => "fill",
        BookEventKind.Rested => "rested",
        BookEventKind.Done => "done",
        BookEventKind.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown book event kind"),
    };

    /// <summary>Fen per tonne as yuan with two decimals, e.g. <c>80.05</c>.</summary>
    public static string Yuan(Price price) => Yuan(new StringBuilder(), price).ToString();

    /// <summary>Grams as tonnes with six decimals, e.g. <c>1.500000</c>.</summary>
    public static string Tonnes(Co2e quantity) => Tonnes(new StringBuilder(), quantity).ToString();

    private static StringBuilder Yuan(StringBuilder r, Price price) => Fixed(r, price.FenPerTonne, 100, 2);

    private static StringBuilder Tonnes(StringBuilder r, Co2e quantity) =>
        Fixed(r, quantity.Grams, Co2e.GramsPerTonne, 6);

    /// <summary>An integer count of 1/<paramref name="per"/> units as a fixed-point decimal.</summary>
    private static StringBuilder Fixed(StringBuilder r, long units, long per, int decimals)
    {
        // Unsigned magnitude, so long.MinValue formats instead of overflowing on negation.
        ulong magnitude = units < 0 ? unchecked((ulong)-(units + 1)) + 1 : (ulong)units;
        if (units < 0)
        {
            r.Append('-');
        }

        ulong whole = magnitude / (ulong)per;
        ulong fraction = magnitude % (ulong)per;
        return r.Append(whole.ToString(CultureInfo.InvariantCulture)).Append('.')
            .Append(fraction.ToString(CultureInfo.InvariantCulture).PadLeft(decimals, '0'));
    }

    private static StringBuilder Append(StringBuilder r, long value) =>
        r.Append(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>RFC 4180 quoting, only when the text needs it (a comma, a quote or a line break).</summary>
    private static void Quoted(StringBuilder r, string text)
    {
        if (text.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            r.Append(text);
            return;
        }

        r.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    private void End(StringBuilder r)
    {
        r.Append('\n');
        _writer.Write(r);
    }
}
