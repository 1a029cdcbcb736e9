using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Trading;
using NodaTime;

namespace CarbonLedger.Engine.Backtest;

/// <summary>The <c>kind</c> of a row of the order CSV (docs/reference/match-csv.md).</summary>
public enum MatchRowKind
{
    /// <summary>The kind column could not be read (only on a malformed row).</summary>
    Unknown = 0,

    /// <summary><c>open_day</c>: create the instrument's book, or start its next trading day.</summary>
    OpenDay = 1,

    /// <summary><c>close_day</c>: expire the day orders of the instrument's book.</summary>
    CloseDay = 2,

    /// <summary><c>limit</c>: <see cref="OrderCommand.Limit"/>.</summary>
    Limit = 3,

    /// <summary><c>market</c>: <see cref="OrderCommand.Market"/>.</summary>
    Market = 4,

    /// <summary><c>pick</c>: <see cref="OrderCommand.Pick"/>.</summary>
    Pick = 5,

    /// <summary><c>cancel</c>: <see cref="OrderCommand.Cancel"/>.</summary>
    Cancel = 6,

    /// <summary><c>amend</c>: <see cref="OrderCommand.Amend"/>.</summary>
    Amend = 7,
}

/// <summary>The CSV spelling of the row kinds.</summary>
public static class MatchRowKindFacts
{
    /// <summary>The text of the <c>kind</c> column (empty for <see cref="MatchRowKind.Unknown"/>).</summary>
    public static string Code(this MatchRowKind kind) => kind switch
    {
        MatchRowKind.OpenDay => "open_day",
        MatchRowKind.CloseDay => "close_day",
        MatchRowKind.Limit => "limit",
        MatchRowKind.Market => "market",
        MatchRowKind.Pick => "pick",
        MatchRowKind.Cancel => "cancel",
        MatchRowKind.Amend => "amend",
        _ => "",
    };

    /// <summary>The kind spelled <paramref name="code"/> (exact, lower case), else <c>Unknown</c>.</summary>
    public static MatchRowKind Parse(string code) => code switch
    {
        "open_day" => MatchRowKind.OpenDay,
        "close_day" => MatchRowKind.CloseDay,
        "limit" => MatchRowKind.Limit,
        "market" => MatchRowKind.Market,
        "pick" => MatchRowKind.Pick,
        "cancel" => MatchRowKind.Cancel,
        "amend" => MatchRowKind.Amend,
        _ => MatchRowKind.Unknown,
    };

    /// <summary>True for the kinds that become an <see cref="OrderCommand"/>.</summary>
    public static bool IsCommand(this MatchRowKind kind) => kind is >= MatchRowKind.Limit and <= MatchRowKind.Amend;
}

/// <summary>
/// One data row of the order CSV, read: either malformed (<see cref="Error"/> set, nothing else to trust)
/// or a day row or an order command ready for a book.
/// </summary>
public sealed record OrderCsvRow
{
    /// <summary>The physical line number in the file, 1-based (the header, comments and blanks count).</summary>
    public required int Line { get; init; }

    /// <summary>The row kind (<see cref="MatchRowKind.Unknown"/> when the kind itself was unreadable).</summary>
    public MatchRowKind Kind { get; init; }

    /// <summary>Why the row is malformed (names the column and the expected form), or null.</summary>
    public string? Error { get; init; }

    /// <summary>The instrument (every well-formed row has one).</summary>
    public InstrumentId Instrument { get; init; }

    /// <summary>Command rows: the command; price and quantity truncated toward zero to fen and grams.</summary>
    public OrderCommand Command { get; init; }

    /// <summary>Command rows: the price exactly as written (says whether digits below the fen were given).</summary>
    public ScaledDecimal Price { get; init; }

    /// <summary>Command rows: the quantity exactly as written (says if digits below the gram were given).</summary>
    public ScaledDecimal Quantity { get; init; }

    /// <summary><c>open_day</c>: the trading date.</summary>
    public LocalDate Date { get; init; }

    /// <summary><c>open_day</c>: the previous close, a positive whole number of fen per tonne.</summary>
    public Price PreviousClose { get; init; }

    /// <summary>True when the row is malformed.</summary>
    public bool IsMalformed => Error is not null;

    /// <summary>
    /// True for a command whose price or quantity has digits below the fen or the gram: no book can hold
    /// such a value, so the run reports the rejection the book's checks would give (see
    /// <see cref="SubUnitRejection"/>).
    /// </summary>
    public bool HasSubUnitAmount => Price.HasRemainder || Quantity.HasRemainder;
}
