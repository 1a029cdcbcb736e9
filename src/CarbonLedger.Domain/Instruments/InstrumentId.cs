using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Instruments;

/// <summary>
/// A class of fungible (or serial-numbered) units: a programme and a vintage, written <c>CEA-2024</c>,
/// <c>SHEA-2024</c>, <c>CCER-2023</c>, <c>SHCER-2025</c>. SEEE trades CEA vintages separately and
/// compliance rules differ by vintage, so the vintage is part of the identity for every programme.
/// </summary>
public readonly record struct InstrumentId(Programme Programme, Vintage Vintage) : IComparable<InstrumentId>
{
    /// <summary>
    /// The text of each instrument, made once: read models and exports write it for every statement line, order and
    /// trade. Bounded by programmes × vintages.
    /// </summary>
    private static readonly ConcurrentDictionary<InstrumentId, string> s_text = new();

    /// <summary>True when units of this instrument carry serial numbers.</summary>
    public bool IsSerialNumbered => Programme.IsSerialNumbered();

    /// <summary>Parses <c>PROGRAMME-YYYY</c>, throwing <see cref="FormatException"/> with the reason.</summary>
    public static InstrumentId Parse(string text)
    {
        return TryParse(text, out InstrumentId id, out string? error)
            ? id
            : throw new FormatException(error);
    }

    /// <summary>Parses <c>PROGRAMME-YYYY</c>; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(string? text, out InstrumentId id, [NotNullWhen(false)] out string? error)
    {
        id = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "instrument id is empty (expected e.g. CEA-2024)";
            return false;
        }

        int dash = text.LastIndexOf('-');
        if (dash <= 0 || !ProgrammeFacts.TryParse(text[..dash], out Programme programme))
        {
            error = $"unknown instrument '{text}' (expected CEA-YYYY, SHEA-YYYY, CCER-YYYY or SHCER-YYYY)";
            return false;
        }

        if (!int.TryParse(text.AsSpan(dash + 1), out int year) || !Vintage.TryOf(year, out Vintage vintage))
        {
            error = $"instrument '{text}' has no valid vintage year ({Vintage.MinYear}-{Vintage.MaxYear})";
            return false;
        }

        id = new InstrumentId(programme, vintage);
        error = null;
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(InstrumentId other)
    {
        // By the underlying value, as Enum.CompareTo does, without boxing both operands on every call.
        int byProgramme = ((int)Programme).CompareTo((int)other.Programme);
        return byProgramme != 0 ? byProgramme : Vintage.CompareTo(other.Vintage);
    }

    /// <summary>Compares by programme, then vintage.</summary>
    public static bool operator <(InstrumentId left, InstrumentId right) => left.CompareTo(right) < 0;

    /// <summary>Compares by programme, then vintage.</summary>
    public static bool operator >(InstrumentId left, InstrumentId right) => left.CompareTo(right) > 0;

    /// <summary>Compares by programme, then vintage.</summary>
    public static bool operator <=(InstrumentId left, InstrumentId right) => left.CompareTo(right) <= 0;

    /// <summary>Compares by programme, then vintage.</summary>
    public static bool operator >=(InstrumentId left, InstrumentId right) => left.CompareTo(right) >= 0;

    /// <summary>The canonical text, e.g. <c>CEA-2024</c>.</summary>
    public override string ToString() => s_text.GetOrAdd(this, static id => $"{id.Programme.Code()}-{id.Vintage}");
}
