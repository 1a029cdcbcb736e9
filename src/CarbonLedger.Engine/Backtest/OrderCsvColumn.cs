namespace CarbonLedger.Engine.Backtest;

/// <summary>The columns of the order CSV, in their canonical order (the order rows are checked in).</summary>
public enum OrderCsvColumn
{
    /// <summary><c>kind</c>: the row kind.</summary>
    Kind = 0,

    /// <summary><c>time</c>: local market time (commands) or the trading date (<c>open_day</c>).</summary>
    Time = 1,

    /// <summary><c>instrument</c>: e.g. <c>CEA-2024</c>.</summary>
    Instrument = 2,

    /// <summary><c>order</c>: the order id.</summary>
    Order = 3,

    /// <summary><c>trader</c>: the trader number.</summary>
    Trader = 4,

    /// <summary><c>side</c>: <c>B</c> or <c>S</c>.</summary>
    Side = 5,

    /// <summary><c>tif</c>: <c>GTC</c>, <c>DAY</c>, <c>IOC</c> or <c>FOK</c>.</summary>
    Tif = 6,

    /// <summary><c>price</c>: yuan per tonne (limit, amend) or the previous close (<c>open_day</c>).</summary>
    Price = 7,

    /// <summary><c>quantity</c>: tonnes.</summary>
    Quantity = 8,

    /// <summary><c>listing</c>: the resting order a pick chooses.</summary>
    Listing = 9,
}

/// <summary>Names of the columns and which columns each row kind uses.</summary>
public static class OrderCsvColumns
{
    /// <summary>Every column name, in canonical order: the header a file would normally have.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["kind", "time", "instrument", "order", "trader", "side", "tif", "price", "quantity", "listing"];

    /// <summary>The canonical header line.</summary>
    public static string Header { get; } = string.Join(',', Names);

    /// <summary>The column's header name.</summary>
    public static string Name(this OrderCsvColumn column) => Names[(int)column];

    /// <summary>
    /// True when rows of <paramref name="kind"/> need <paramref name="column"/>; every other column must be
    /// empty in them, so a value the command would ignore is reported instead of silently dropped.
    /// </summary>
    public static bool IsUsedBy(this OrderCsvColumn column, MatchRowKind kind) => column switch
    {
        OrderCsvColumn.Kind or OrderCsvColumn.Instrument => true,
        OrderCsvColumn.Time => kind != MatchRowKind.CloseDay,
        OrderCsvColumn.Order or OrderCsvColumn.Trader => kind.IsCommand(),
        OrderCsvColumn.Side => kind is MatchRowKind.Limit or MatchRowKind.Market or MatchRowKind.Pick,
        OrderCsvColumn.Tif => kind is MatchRowKind.Limit or MatchRowKind.Market,
        OrderCsvColumn.Price => kind is MatchRowKind.OpenDay or MatchRowKind.Limit or MatchRowKind.Amend,
        OrderCsvColumn.Quantity => kind is MatchRowKind.Limit or MatchRowKind.Market or MatchRowKind.Pick
            or MatchRowKind.Amend,
        OrderCsvColumn.Listing => kind == MatchRowKind.Pick,
        _ => false,
    };

    /// <summary>What a row of <paramref name="kind"/> expects in <paramref name="column"/> (for messages).</summary>
    public static string Expected(this OrderCsvColumn column, MatchRowKind kind) => column switch
    {
        OrderCsvColumn.Time when kind == MatchRowKind.OpenDay => "the trading date yyyy-MM-dd",
        OrderCsvColumn.Time => "the local market time yyyy-MM-dd HH:mm:ss[.fffffffff]",
        OrderCsvColumn.Instrument => "the instrument PROGRAMME-YYYY, e.g. CEA-2024",
        OrderCsvColumn.Order when kind is MatchRowKind.Cancel or MatchRowKind.Amend =>
            "the id of the resting order (an integer)",
        OrderCsvColumn.Order => "the new order's id (an integer)",
        OrderCsvColumn.Trader => "the trader number (an integer)",
        OrderCsvColumn.Side => "B (buy) or S (sell)",
        OrderCsvColumn.Tif => "GTC, DAY, IOC or FOK",
        OrderCsvColumn.Price when kind == MatchRowKind.OpenDay => "the previous close in yuan per tonne, e.g. 80.00",
        OrderCsvColumn.Price when kind == MatchRowKind.Amend => "the new price in yuan per tonne, e.g. 80.00",
        OrderCsvColumn.Price => "the limit price in yuan per tonne, e.g. 80.00",
        OrderCsvColumn.Quantity when kind == MatchRowKind.Amend => "the new open quantity in tonnes, e.g. 100",
        OrderCsvColumn.Quantity => "the quantity in tonnes, e.g. 100",
        OrderCsvColumn.Listing => "the id of the resting order picked (an integer)",
        _ => "a value",
    };
}
