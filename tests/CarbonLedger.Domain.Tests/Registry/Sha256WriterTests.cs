using System.Security.Cryptography;
using CarbonLedger.Domain.Registry;

namespace CarbonLedger.Domain.Tests.Registry;

/// <summary>
/// The streaming hash behind the state hash must digest exactly the bytes written, whatever the chunking:
/// writes of random sizes (some larger than its 64 KB chunk, some asking for more room than they use) against
/// <see cref="SHA256.HashData(byte[])"/> of the concatenation.
/// </summary>
public sealed class Sha256WriterTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Sha256Writer_RandomWriteSizes_DigestsTheConcatenation(int seed)
    {
        var random = new Random(seed);
        var all = new List<byte>();
        using var writer = new Sha256Writer();
        for (int i = 0; i < 400; i++)
        {
            int size = random.Next(10) == 0 ? random.Next(60_000, 200_000) : random.Next(0, 300);
            int hint = size + random.Next(0, 64);
            byte[] piece = new byte[size];
            random.NextBytes(piece);
            Span<byte> span = writer.GetSpan(hint);
            Assert.True(span.Length >= Math.Max(1, hint), $"asked for {hint} bytes, got {span.Length}");
            piece.CopyTo(span);
            writer.Advance(size);
            all.AddRange(piece);
        }

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([.. all])), writer.Finish());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([])), writer.Finish());
    }

    [Fact]
    public void Sha256Writer_AdvancePastTheSpan_Throws()
    {
        using var writer = new Sha256Writer();
        int length = writer.GetSpan(16).Length;
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Advance(length + 1));
    }
}
