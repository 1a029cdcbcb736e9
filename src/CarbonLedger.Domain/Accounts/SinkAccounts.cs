using CarbonLedger.Domain.Identity;

namespace CarbonLedger.Domain.Accounts;

/// <summary>
/// The built-in terminal sinks. Every ledger has exactly these three from its first state; their ids use
/// a prefix that <see cref="Registry.OpenAccount"/> refuses, so no command can create a look-alike.
/// </summary>
public static class SinkAccounts
{
    /// <summary>Prefix reserved for system accounts.</summary>
    public const string ReservedPrefix = "SYS-";

    /// <summary>Units surrendered for compliance.</summary>
    public static AccountId Surrendered { get; } = AccountId.Of("SYS-SURRENDERED");

    /// <summary>Units retired voluntarily.</summary>
    public static AccountId Retired { get; } = AccountId.Of("SYS-RETIRED");

    /// <summary>Units cancelled.</summary>
    public static AccountId Cancelled { get; } = AccountId.Of("SYS-CANCELLED");

    /// <summary>The sink of each terminal type.</summary>
    public static AccountId For(AccountType type) => type switch
    {
        AccountType.SurrenderedSink => Surrendered,
        AccountType.RetiredSink => Retired,
        AccountType.CancelledSink => Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a terminal sink"),
    };
}
