using System.Diagnostics.CodeAnalysis;

namespace CarbonLedger.Domain.Identity;

/// <summary>
/// The identity of an actor: a person or organisation that submits commands (syntax: <see cref="Identifier"/>).
/// </summary>
public readonly record struct ActorId : IComparable<ActorId>
{
    private ActorId(string value) => Value = value;

    /// <summary>The identifier text.</summary>
    public string Value { get; }

    /// <summary>
    /// Creates the id, throwing <see cref="FormatException"/> with the reason when the text is invalid.
    /// </summary>
    public static ActorId Of(string text) =>
        TryOf(text, out ActorId id, out string? error) ? id : throw new FormatException(error);

    /// <summary>Creates the id; on failure <paramref name="error"/> says why.</summary>
    public static bool TryOf(string? text, out ActorId id, [NotNullWhen(false)] out string? error)
    {
        bool ok = Identifier.TryValidate(text, "actor id", out error);
        id = ok ? new ActorId(text!) : default;
        return ok;
    }

    /// <inheritdoc />
    public int CompareTo(ActorId other) => string.CompareOrdinal(Value, other.Value);

    /// <summary>Ordinal comparison.</summary>
    public static bool operator <(ActorId left, ActorId right) => left.CompareTo(right) < 0;

    /// <summary>Ordinal comparison.</summary>
    public static bool operator >(ActorId left, ActorId right) => left.CompareTo(right) > 0;

    /// <summary>Ordinal comparison.</summary>
    public static bool operator <=(ActorId left, ActorId right) => left.CompareTo(right) <= 0;

    /// <summary>Ordinal comparison.</summary>
    public static bool operator >=(ActorId left, ActorId right) => left.CompareTo(right) >= 0;

    /// <summary>The identifier text.</summary>
    public override string ToString() => Value ?? "";
}
