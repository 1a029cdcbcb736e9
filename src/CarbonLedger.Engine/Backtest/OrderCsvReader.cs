using System.Globalization;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Trading;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace CarbonLedger.Engine.Backtest;

/// <summary>
/// Reads the order CSV of <c>carbonledger match</c> (docs/reference/match-csv.md): a header naming the ten
/// columns, then one row per line, comma separated, no quoting. Each data row becomes an
/// <see cref="OrderCsvRow"/>, well formed or malformed with a message naming the column; only a missing or
/// bad header stops the reading (<see cref="OrderCsvFormatException"/>). Line numbers are physical lines.
/// </summary>
public sealed class OrderCsvReader
{
    /// <summary>
    /// The largest previous close accepted, 10,000.00 yuan per tonne: a book keeps one level per tick of
    /// the day's band, so an absurd close would allocate gigabytes instead of being reported.
    /// </summary>
    public const long MaxPreviousCloseFen = 1_000_000;

    private static readonly LocalDateTimePattern s_time =
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm':'ss.FFFFFFFFF");

    private static readonly LocalDatePattern s_date = LocalDatePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd");

    private readonly DateTimeZone _zone;

    /// <summary>A reader interpreting times as local times of <paramref name="zone"/> (the market's zone).</summary>
    public OrderCsvReader(DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        _zone = zone;
    }

    /// <summary>The data rows of <paramref name="input"/>, in file order, read lazily.</summary>
    public IEnumerable<OrderCsvRow> Read(TextReader input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ReadRows(input);
    }

    private IEnumerable<OrderCsvRow> ReadRows(TextReader input)
    {
        OrderCsvHeader? header = null;
        int line = 0;
        for (string? text = input.ReadLine(); text is not null; text = input.ReadLine())
        {
            line++;
            if (line == 1)
            {
                text = text.TrimStart('\uFEFF'); // a byte-order mark the decoder left in place
            }

            if (IsBlankOrComment(text))
            {
                continue;
            }

            if (header is null)
            {
                header = OrderCsvHeader.Parse(text, line);
                continue;
            }

            yield return ParseRow(text, line, header);
        }

        if (header is null)
        {
            throw new OrderCsvFormatException(
                $"the file has no header row (expected the column names, e.g. {OrderCsvColumns.Header})");
        }
    }

    private static bool IsBlankOrComment(string text)
    {
        ReadOnlySpan<char> trimmed = text.AsSpan().TrimStart(" \t");
        return trimmed.IsEmpty || trimmed[0] == '#';
    }

    private OrderCsvRow ParseRow(string text, int line, OrderCsvHeader header)
    {
        string[] fields = text.Split(',');
        if (fields.Length != header.FieldCount)
        {
            return Malformed(line, MatchRowKind.Unknown,
                $"expected {header.FieldCount} comma-separated fields as in the header, found {fields.Length}");
        }

        string[] values = header.Arrange(fields);
        string kindText = values[(int)OrderCsvColumn.Kind];
        MatchRowKind kind = MatchRowKindFacts.Parse(kindText);
        if (kind == MatchRowKind.Unknown)
        {
            return Malformed(line, kind, kindText.Length == 0
                ? "column 'kind' is empty (expected open_day, close_day, limit, market, pick, cancel or amend)"
                : $"column 'kind': unknown row kind '{kindText}' " +
                  "(expected open_day, close_day, limit, market, pick, cancel or amend)");
        }

        var parsed = new ParsedFields();
        for (OrderCsvColumn column = OrderCsvColumn.Time; column <= OrderCsvColumn.Listing; column++)
        {
            string value = values[(int)column];
            string? error = (column.IsUsedBy(kind), value.Length == 0) switch
            {
                (true, true) => $"column '{column.Name()}' is empty; {ARow(kind)} needs {column.Expected(kind)}",
                (false, false) => $"column '{column.Name()}' must be empty in {ARow(kind)} (found '{value}')",
                (true, false) => Parse(column, kind, value, parsed),
                _ => null,
            };
            if (error is not null)
            {
                return Malformed(line, kind, error);
            }
        }

        return Build(line, kind, parsed);
    }

    private static string ARow(MatchRowKind kind) =>
        (kind is MatchRowKind.OpenDay or MatchRowKind.Amend ? "an " : "a ") + kind.Code() + " row";

    private static OrderCsvRow Malformed(int line, MatchRowKind kind, string error) =>
        new() { Line = line, Kind = kind, Error = error };

    private static OrderCsvRow Build(int line, MatchRowKind kind, ParsedFields p)
    {
        var order = new OrderId(p.Order);
        var trader = new TraderId(p.Trader);
        var price = new Price(p.Price.Units);
        var quantity = new Co2e(p.Quantity.Units);
        OrderCommand command = kind switch
        {
            MatchRowKind.Limit => OrderCommand.Limit(p.Instrument, order, trader, p.Side, price, quantity, p.Tif, p.At),
            MatchRowKind.Market => OrderCommand.Market(p.Instrument, order, trader, p.Side, quantity, p.Tif, p.At),
            MatchRowKind.Pick => OrderCommand.Pick(
                p.Instrument, order, trader, p.Side, new OrderId(p.Listing), quantity, p.At),
            MatchRowKind.Cancel => OrderCommand.Cancel(p.Instrument, order, trader, p.At),
            MatchRowKind.Amend => OrderCommand.Amend(p.Instrument, order, trader, price, quantity, p.At),
            _ => default,
        };
        return new OrderCsvRow
        {
            Line = line, Kind = kind, Instrument = p.Instrument, Command = command, Date = p.Date,
            Price = kind.IsCommand() ? p.Price : default, Quantity = p.Quantity,
            PreviousClose = kind == MatchRowKind.OpenDay ? price : default,
        };
    }

    /// <summary>Parses one non-empty used field into <paramref name="p"/>; returns the error, or null.</summary>
    private string? Parse(OrderCsvColumn column, MatchRowKind kind, string value, ParsedFields p) => column switch
    {
        OrderCsvColumn.Time when kind == MatchRowKind.OpenDay => ParseDate(value, p),
        OrderCsvColumn.Time => ParseTime(value, p),
        OrderCsvColumn.Instrument => InstrumentId.TryParse(value, out p.Instrument, out string? error)
            ? null
            : $"column 'instrument': {error}",
        OrderCsvColumn.Order => ParseInteger(column, value, long.MaxValue, out p.Order),
        OrderCsvColumn.Trader => ParseTrader(value, p),
        OrderCsvColumn.Side => ParseSide(value, p),
        OrderCsvColumn.Tif => ParseTimeInForce(value, p),
        OrderCsvColumn.Price => ParsePrice(kind, value, p),
        OrderCsvColumn.Quantity => ParseQuantity(value, p),
        OrderCsvColumn.Listing => ParseInteger(column, value, long.MaxValue, out p.Listing),
        _ => $"column '{column.Name()}' is not read for {kind.Code()} rows",
    };

    private static string? ParseDate(string value, ParsedFields p)
    {
        ParseResult<LocalDate> result = s_date.Parse(value);
        p.Date = result.Success ? result.Value : default;
        return result.Success ? null
            : $"column 'time': '{value}' is not a trading date yyyy-MM-dd (an open_day row gives the date only)";
    }

    private string? ParseTime(string value, ParsedFields p)
    {
        ParseResult<LocalDateTime> result = s_time.Parse(value);
        if (!result.Success)
        {
            return $"column 'time': '{value}' is not a local market time yyyy-MM-dd HH:mm:ss[.fffffffff]";
        }

        ZoneLocalMapping mapping = _zone.MapLocal(result.Value);
        if (mapping.Count != 1)
        {
            return $"column 'time': {value} is {(mapping.Count == 0 ? "skipped" : "ambiguous")} in {_zone.Id}";
        }

        p.At = mapping.Single().ToInstant();
        return null;
    }

    private static string? ParseTrader(string value, ParsedFields p)
    {
        string? error = ParseInteger(OrderCsvColumn.Trader, value, int.MaxValue, out long trader);
        p.Trader = error is null ? (int)trader : 0;
        return error;
    }

    /// <summary>An optionally signed decimal integer within ±<paramref name="max"/>.</summary>
    private static string? ParseInteger(OrderCsvColumn column, string value, long max, out long result)
    {
        ReadOnlySpan<char> digits = value.AsSpan(value[0] is '-' or '+' ? 1 : 0);
        if (digits.IsEmpty || digits.ContainsAnyExceptInRange('0', '9'))
        {
            result = 0;
            return $"column '{column.Name()}': '{value}' is not an integer (digits with an optional sign)";
        }

        if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result)
            || result > max || result < -max)
        {
            result = 0;
            return $"column '{column.Name()}': '{value}' is out of range ({(max == int.MaxValue ? 32 : 64)}-bit)";
        }

        return null;
    }

    private static string? ParseSide(string value, ParsedFields p)
    {
        p.Side = value switch
        {
            "B" => Side.Buy,
            "S" => Side.Sell,
            _ => default,
        };
        return p.Side == default ? $"column 'side': '{value}' is not B (buy) or S (sell)" : null;
    }

    private static string? ParseTimeInForce(string value, ParsedFields p)
    {
        p.Tif = value switch
        {
            "GTC" => TimeInForce.Gtc,
            "DAY" => TimeInForce.Day,
            "IOC" => TimeInForce.Ioc,
            "FOK" => TimeInForce.Fok,
            _ => default,
        };
        return p.Tif == default ? $"column 'tif': '{value}' is not GTC, DAY, IOC or FOK" : null;
    }

    private static string? ParsePrice(MatchRowKind kind, string value, ParsedFields p)
    {
        switch (ScaledDecimal.TryParse(value, 2, out p.Price))
        {
            case ScaledDecimalStatus.NotANumber:
                return $"column 'price': '{value}' is not a decimal number of yuan per tonne (e.g. 80.00)";
            case ScaledDecimalStatus.OutOfRange:
                return $"column 'price': '{value}' is too large for a price in fen (64-bit)";
        }

        if (kind != MatchRowKind.OpenDay)
        {
            return null;
        }

        return !p.Price.IsPositive ? $"column 'price': previous close '{value}' must be positive"
            : p.Price.HasRemainder ? $"column 'price': previous close '{value}' is not a whole number of fen"
            : p.Price.Units > MaxPreviousCloseFen
                ? $"column 'price': previous close '{value}' is above 10000.00 yuan per tonne, the largest accepted"
                : null;
    }

    private static string? ParseQuantity(string value, ParsedFields p) =>
        ScaledDecimal.TryParse(value, 6, out p.Quantity) switch
        {
            ScaledDecimalStatus.NotANumber =>
                $"column 'quantity': '{value}' is not a decimal number of tonnes (e.g. 100 or 0.5)",
            ScaledDecimalStatus.OutOfRange => $"column 'quantity': '{value}' is too large for a quantity in grams",
            _ => null,
        };

    /// <summary>The values of one row as they are parsed (fields, so they can be out parameters).</summary>
    private sealed class ParsedFields
    {
        public Instant At;
        public LocalDate Date;
        public InstrumentId Instrument;
        public long Order;
        public int Trader;
        public Side Side;
        public TimeInForce Tif;
        public ScaledDecimal Price;
        public ScaledDecimal Quantity;
        public long Listing;
    }
}
