using CarbonLedger.Domain.Registry;

namespace CarbonLedger.Domain.Tests.Registry;

/// <summary>The sharded idempotency table against a plain dictionary (the oracle), on seeded random streams.</summary>
public sealed class IdempotencyTableTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1 << 10)]
    [InlineData(3, 1 << 16)]
    public void IdempotencyTable_RandomAddsAndLookups_AgreeWithADictionary(int seed, int capacity)
    {
        var random = new Random(seed);
        var table = new IdempotencyTable(capacity);
        var oracle = new Dictionary<UInt128, IdempotencyRecord>();
        var known = new List<UInt128>();
        for (int step = 0; step < 200_000; step++)
        {
            int choice = random.Next(10);
            if (choice < 5 || known.Count == 0)
            {
                // Some digests share their low byte (the shard) with earlier ones, so shards grow past capacity.
                UInt128 digest = choice == 0 && known.Count > 0
                    ? (Next(random) & ~(UInt128)0xFF) | (known[random.Next(known.Count)] & 0xFF)
                    : Next(random);
                var record = new IdempotencyRecord((ulong)random.NextInt64(), step);
                if (oracle.TryAdd(digest, record))
                {
                    table.Add(digest, record);
                    known.Add(digest);
                }
            }
            else
            {
                UInt128 probe = choice < 8 ? known[random.Next(known.Count)] : Next(random);
                bool expected = oracle.TryGetValue(probe, out IdempotencyRecord want);
                Assert.Equal(expected, table.TryGetValue(probe, out IdempotencyRecord got));
                Assert.Equal(expected, table.ContainsKey(probe));
                Assert.Equal(want, got);
            }

            Assert.Equal(oracle.Count, table.Count);
        }

        Assert.All(known, k => Assert.True(table.TryGetValue(k, out IdempotencyRecord r) && r == oracle[k]));
    }

    [Fact]
    public void IdempotencyTable_KeyAddedTwice_ThrowsAndKeepsTheFirstRecord()
    {
        var table = new IdempotencyTable(16);
        UInt128 digest = new(0xDEAD, 0xBEEF);
        table.Add(digest, new IdempotencyRecord(1, 1));

        Assert.Throws<ArgumentException>(() => table.Add(digest, new IdempotencyRecord(2, 2)));
        Assert.True(table.TryGetValue(digest, out IdempotencyRecord kept));
        Assert.Equal(new IdempotencyRecord(1, 1), kept);
        Assert.Equal(1, table.Count);
    }

    private static UInt128 Next(Random random) => new((ulong)random.NextInt64(), (ulong)random.NextInt64());
}
