namespace CarbonLedger.Domain.Registry;

/// <summary>
/// Every applied idempotency key (by its SHA-256 digest) with the fingerprint and sequence it was applied at, kept
/// in 256 shards chosen by the digest's low byte. The table only grows, and a single dictionary grows by rehashing
/// all of it at once: at 672,827 keys that allocated ~60 MB and rehashed every key inside one command, stalling the
/// single writer for 200-260 ms (and starting a gen-2 collection) at the same point of every durable run
/// (docs/benchmarks/2026-11-28-exchange.md §8). A shard grows on its own, so a growth moves 1/256 of the keys.
/// The digest is a cryptographic hash, so the low byte spreads keys evenly.
/// </summary>
internal sealed class IdempotencyTable
{
    private const int Shards = 256;

    private readonly Dictionary<UInt128, IdempotencyRecord>[] _shards;

    public IdempotencyTable(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);

        // Keys spread over the shards at random, so the fullest of 256 shards holds about mean + 3.5 standard
        // deviations (√mean): sized with that headroom, a table sized for its keys never grows (the exchange's
        // allocation gate counts on it).
        int mean = capacity / Shards;
        int perShard = capacity == 0 ? 0 : checked(mean + (4 * (int)Math.Ceiling(Math.Sqrt(mean))) + 16);
        _shards = new Dictionary<UInt128, IdempotencyRecord>[Shards];
        for (int i = 0; i < Shards; i++)
        {
            _shards[i] = new Dictionary<UInt128, IdempotencyRecord>(perShard);
        }
    }

    /// <summary>How many keys the table holds.</summary>
    public int Count { get; private set; }

    public bool ContainsKey(UInt128 digest) => Shard(digest).ContainsKey(digest);

    public bool TryGetValue(UInt128 digest, out IdempotencyRecord record) =>
        Shard(digest).TryGetValue(digest, out record);

    /// <summary>Adds a key that is not in the table (throws if it is: a key is applied once).</summary>
    public void Add(UInt128 digest, IdempotencyRecord record)
    {
        Shard(digest).Add(digest, record);
        Count = checked(Count + 1);
    }

    private Dictionary<UInt128, IdempotencyRecord> Shard(UInt128 digest) => _shards[(int)(digest & (Shards - 1))];
}
