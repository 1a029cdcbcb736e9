using System.Diagnostics.CodeAnalysis;

namespace CarbonLedger.Domain.Identity;

/// <summary>The identity of an account (syntax: <see cref="Identifier"/>). Case-sensitive.</summary>
public readonly record struct AccountId : IComparable<AccountId>
{
    private AccountId(string value) => Value = value;

    /// <summary>The identifier text.</summary>
    public string Value { get; }

    /// <summary>
    /// Creates the id, throwing <see cref="FormatException"/> with the reason when the text is invalid.
    /// </summary>
    public static AccountId Of(string text) =>
        TryOf(text, out AccountId id, out string? error) ? id : throw new FormatException(error);

    /// <summary>Creates the id; on failure <paramref name="error"/> says why.</summary>
    public static bool TryOf(string? text, out AccountId id, [NotNullWhen(false)] out string? error)
    {
        bool ok = Identifier.TryValidate(text, "account id", out error);
        id = ok ? new AccountId(text!) : default;
        return ok;
    }

    /// <inheritdoc />
    public int CompareTo(AccountId other) => string.CompareOrdinal(Value, other.Value);

    /// <summary>Ordinal comparison.</summary>
    public static bool operator <(AccountId left, AccountId right) => left.CompareTo(right) < 0;

    /// <summary>Ordinal comparison.</summary>
    public static bool operator >(AccountId left, AccountId right) => left.CompareTo(right) > 0;

    /// <summary>Ordinal comparison.</summary>
    public static bool operator <=(AccountId left, AccountId right) => left.CompareTo(right) <= 0;

    /// <summary>Ordinal comparison.</summary>
    public static bool operator >=(AccountId left, AccountId right) => left.CompareTo(right) >= 0;

    /// <summary>The identifier text.</summary>
    public override string ToString() => Value ?? "";
}
