using NodaTime;

namespace CarbonLedger.Domain.Rules;

/// <summary>
/// A continuous trading window in the market's local time, half-open: <c>[Start, End)</c>. An order stamped
/// 11:30:00.000 is outside the 09:30–11:30 window, one stamped 11:29:59.999 is inside.
/// </summary>
public readonly record struct SessionWindow
{
    /// <summary>Creates a window; the start must be before the end (no windows across midnight).</summary>
    public SessionWindow(LocalTime start, LocalTime end)
    {
        if (start >= end)
        {
            throw new ArgumentException($"session window {start:HH:mm}-{end:HH:mm} does not start before it ends");
        }

        Start = start;
        End = end;
    }

    /// <summary>First instant of the window (inclusive).</summary>
    public LocalTime Start { get; }

    /// <summary>End of the window (exclusive).</summary>
    public LocalTime End { get; }

    /// <summary>Shorthand: <c>SessionWindow.Of(9, 30, 11, 30)</c>.</summary>
    public static SessionWindow Of(int startHour, int startMinute, int endHour, int endMinute) =>
        new(new LocalTime(startHour, startMinute), new LocalTime(endHour, endMinute));

    /// <summary><c>09:30-11:30</c>.</summary>
    public override string ToString() => $"{Start:HH:mm}-{End:HH:mm}";
}
