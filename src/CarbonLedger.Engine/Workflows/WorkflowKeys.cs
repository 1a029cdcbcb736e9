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

    /// <summary>The fingerprint of <paramref name="command"/> (its type and JSON, as given).</summary>
    public static string Fingerprint(object command)
    {
        ArgumentNullException.ThrowIfNull(command);
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(command, command.GetType(), JournalJson.Options);
        byte[] type = Encoding.UTF8.GetBytes(command.GetType().FullName + "\n");
        return Convert.ToHexString(SHA256.HashData([.. type, .. json]));
    }
}
