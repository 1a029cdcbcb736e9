using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace CarbonLedger.Domain.Invariants;

/// <summary>
/// Assertions for programmer errors, on in every build (TigerBeetle style): a failed assertion means the
/// code is wrong, so the command fails loudly instead of corrupting the ledger.
/// </summary>
public static class LedgerAssert
{
    /// <summary>Throws <see cref="LedgerInvariantException"/> when <paramref name="condition"/> is false.</summary>
    public static void That([DoesNotReturnIf(false)] bool condition, string message)
    {
        if (!condition)
        {
            Fail(message);
        }
    }

    /// <summary>
    /// As <see cref="That(bool, string)"/> with an interpolated message, formatted only when the assertion fails
    /// (so hot-path assertions allocate nothing).
    /// </summary>
    public static void That(
        [DoesNotReturnIf(false)] bool condition,
        [InterpolatedStringHandlerArgument(nameof(condition))] ref AssertMessage message)
    {
        if (!condition)
        {
            Fail(message.ToStringAndClear());
        }
    }

    /// <summary>Always throws.</summary>
    [DoesNotReturn]
    public static void Fail(string message) => throw new LedgerInvariantException(message);
}
