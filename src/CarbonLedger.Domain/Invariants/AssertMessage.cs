using System.Runtime.CompilerServices;

namespace CarbonLedger.Domain.Invariants;

/// <summary>
/// The message of a <see cref="LedgerAssert"/> written as an interpolated string: it is formatted only when the
/// assertion fails, so an assertion on the hot path costs a comparison and never allocates.
/// </summary>
[InterpolatedStringHandler]
public ref struct AssertMessage
{
    private readonly bool _failed;
    private DefaultInterpolatedStringHandler _text;

    /// <summary>Called by the compiler; <paramref name="shouldAppend"/> is false while the condition holds.</summary>
    public AssertMessage(int literalLength, int formattedCount, bool condition, out bool shouldAppend)
    {
        _failed = !condition;
        shouldAppend = _failed;
        _text = _failed ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
    }

    /// <summary>Appends literal text.</summary>
    public void AppendLiteral(string value) => _text.AppendLiteral(value);

    /// <summary>Appends a value.</summary>
    public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

    /// <summary>Appends a formatted value.</summary>
    public void AppendFormatted<T>(T value, string? format) => _text.AppendFormatted(value, format);

    /// <summary>The message (empty while the condition holds).</summary>
    public string ToStringAndClear() => _failed ? _text.ToStringAndClear() : "";
}
