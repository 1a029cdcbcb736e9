using System.Buffers;
using System.Security.Cryptography;

namespace CarbonLedger.Domain.Registry;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> that hashes what is written to it (SHA-256) in 64 KB chunks instead of
/// keeping it: the state hash streams the whole state, live orders and books included, through one of these
/// at every checkpoint without allocating a copy of it. Chunking changes nothing in the digest (SHA-256 of the
/// concatenation), only the number of calls into the hash.
/// </summary>
internal sealed class Sha256Writer : IBufferWriter<byte>, IDisposable
{
    private const int ChunkBytes = 64 * 1024;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
    private int _used;

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _used);
        _used += count;
    }

    // Reserve first: it may replace the buffer (`_buffer.AsSpan(Reserve(…))` would read the old one).
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        int at = Reserve(sizeHint);
        return _buffer.AsMemory(at);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        int at = Reserve(sizeHint);
        return _buffer.AsSpan(at);
    }

    /// <summary>The SHA-256 of everything written, as lowercase hex; the writer is empty again afterwards.</summary>
    public string Finish()
    {
        Flush();
        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    public void Dispose()
    {
        _hash.Dispose();
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    /// <summary>Makes room for <paramref name="sizeHint"/> bytes (at least one); returns their offset.</summary>
    private int Reserve(int sizeHint)
    {
        int wanted = Math.Max(1, sizeHint);
        if (_buffer.Length - _used < wanted)
        {
            Flush();
            if (_buffer.Length < wanted)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = ArrayPool<byte>.Shared.Rent(wanted);
            }
        }

        return _used;
    }

    private void Flush()
    {
        _hash.AppendData(_buffer, 0, _used);
        _used = 0;
    }
}
