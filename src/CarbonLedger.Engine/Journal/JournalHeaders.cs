namespace CarbonLedger.Engine.Journal;

/// <summary>Names of the metadata headers stored with every journaled event.</summary>
public static class JournalHeaders
{
    /// <summary>Ledger sequence (1, 2, 3, … without gaps).</summary>
    public const string Sequence = "seq";

    /// <summary>The client's idempotency key.</summary>
    public const string Key = "key";

    /// <summary>The command fingerprint, 16 hex digits.</summary>
    public const string Fingerprint = "fp";

    /// <summary>Who sent the command.</summary>
    public const string Actor = "actor";

    /// <summary>Hash of the previous event in the chain.</summary>
    public const string Previous = "prev";

    /// <summary>This event's hash.</summary>
    public const string Hash = "hash";
}
