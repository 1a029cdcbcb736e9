using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CarbonLedger.Engine.Serialization;

namespace CarbonLedger.Engine.Workflows;

/// <summary>
/// Idempotency of workflow steps: every event a step appends carries the client's key, a fingerprint of the
/// command (its JSON without the time, which the service stamps) and the step's outcome code, as Marten
/// headers. The same key again returns the recorded outcome and appends nothing; the same key with a different
/// command is refused (<c>IdempotencyKeyConflict</c>). A step that appended nothing (a rejection) does not
/// consume its key, as in the ledger core.
/// </summary>
internal static class WorkflowKeys
{
    public const string KeyHeader = "command-key";
    public const string FingerprintHeader = "command-fingerprint";
    public const string OutcomeHeader = "command-outcome";

    /// <summary>
    /// The ledger idempotency key of a workflow step that moves units: <c>{prefix}-{year}-{hash}</c>, short,
    /// deterministic (a retry of the step sends the same key, so the core never moves the units twice) and valid as
    /// a key whatever the enterprise id.
    /// </summary>
    public static string Ledger(string prefix, string enterprise, int year, string step)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{enterprise}\n{year}\n{step}"));
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{prefix}-{year}-{Convert.ToHexString(hash)[..40]}");
    }

    /// <summary>The fingerprint of <paramref name="command"/> (its type and JSON, as given).</summary>
    public static string Fingerprint(object command)
    {
        ArgumentNullException.ThrowIfNull(command);
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(command, command.GetType(), JournalJson.Options);
        byte[] type = Encoding.UTF8.GetBytes(command.GetType().FullName + "\n");
        return Convert.ToHexString(SHA256.HashData([.. type, .. json]));
    }
}
