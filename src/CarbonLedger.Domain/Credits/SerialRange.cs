using System.Globalization;

namespace CarbonLedger.Domain.Credits;

/// <summary>
/// An inclusive range of credit serial numbers, one serial per tonne: <c>[Start, End]</c> with
/// 1 ≤ Start ≤ End ≤ <see cref="MaxSerial"/>. Splits on partial movement preserve the count exactly.
/// </summary>
public readonly record struct SerialRange(long Start, long End) : IComparable<SerialRange>
{
    /// <summary>The largest serial number (12 digits, as registry serial blocks are printed).</summary>
    public const long MaxSerial = 999_999_999_999;

    /// <summary>True when 1 ≤ Start ≤ End ≤ MaxSerial.</summary>
    public bool IsValid => Start >= 1 && Start <= End && End <= MaxSerial;

    /// <summary>Number of serials (tonnes) in the range.</summary>
    public long Count => checked(End - Start + 1);

    /// <summary>True when <paramref name="other"/> shares at least one serial with this range.</summary>
    public bool Overlaps(SerialRange other) => Start <= other.End && other.Start <= End;

    /// <summary>True when <paramref name="other"/> lies entirely inside this range.</summary>
    public bool Contains(SerialRange other) => Start <= other.Start && other.End <= End;

    /// <inheritdoc />
    public int CompareTo(SerialRange other)
    {
        int byStart = Start.CompareTo(other.Start);
        return byStart != 0 ? byStart : End.CompareTo(other.End);
    }

    /// <summary>Orders by start, then end.</summary>
    public static bool operator <(SerialRange left, SerialRange right) => left.CompareTo(right) < 0;

    /// <summary>Orders by start, then end.</summary>
    public static bool operator >(SerialRange left, SerialRange right) => left.CompareTo(right) > 0;

    /// <summary>Orders by start, then end.</summary>
    public static bool operator <=(SerialRange left, SerialRange right) => left.CompareTo(right) <= 0;

    /// <summary>Orders by start, then end.</summary>
    public static bool operator >=(SerialRange left, SerialRange right) => left.CompareTo(right) >= 0;

    /// <summary>Parses <c>START-END</c> or a single serial <c>N</c>.</summary>
    public static bool TryParse(string? text, out SerialRange range)
    {
        range = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        int dash = text.IndexOf('-', StringComparison.Ordinal);
        string first = dash < 0 ? text : text[..dash];
        string second = dash < 0 ? text : text[(dash + 1)..];
        if (!long.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out long start)
            || !long.TryParse(second, NumberStyles.None, CultureInfo.InvariantCulture, out long end))
        {
            return false;
        }

        range = new SerialRange(start, end);
        return range.IsValid;
    }

    /// <summary>Twelve-digit serials, e.g. <c>000000000001-000000000100</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Start:D12}-{End:D12}");
}
