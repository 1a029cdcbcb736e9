namespace CarbonLedger.Domain.Registry;

/// <summary>
/// A running 64-bit digest of the idempotency table, folded in sequence order as keys are recorded
/// (each fingerprint already covers its key). Replay records the same keys in the same order, so it
/// reaches the same digest; the state hash includes it instead of sorting every key. It detects
/// divergence between a live core and its replay; tamper-evidence is the journal's SHA-256 chain.
/// </summary>
internal static class KeysDigest
{
    public const ulong Empty = 0x9E3779B97F4A7C15UL;

    public static ulong Mix(ulong digest, ulong fingerprint, long sequence)
    {
        unchecked
        {
            ulong x = digest ^ fingerprint;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            x ^= x >> 31;
            return x + ((ulong)sequence * 0x9E3779B97F4A7C15UL);
        }
    }
}
