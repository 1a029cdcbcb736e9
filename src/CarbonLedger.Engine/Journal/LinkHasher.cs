using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CarbonLedger.Domain.Registry;

namespace CarbonLedger.Engine.Journal;

/// <summary>
/// <see cref="HashChain.Link(string, LedgerEvent, EventStamp)"/> for a reader that hashes a million events in a row:
/// the same bytes (<see cref="HashChain.Header"/>, then the event serialized with the journal's contract) hashed in
/// one shot from one reused buffer and JSON writer, instead of a new array, a new hash object and a serializer
/// writer per event. Not thread-safe: one per reading thread.
/// </summary>
internal sealed class LinkHasher : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4_096);
    private readonly Utf8JsonWriter _json;

    public LinkHasher() => _json = new Utf8JsonWriter(_buffer, HashChain.WriterOptions);

    /// <summary>The link hash of <paramref name="e"/> (whose type's contract is <paramref name="info"/>).</summary>
    public string Link(string previous, string alias, LedgerEvent e, JsonTypeInfo info, EventStamp stamp)
    {
        _buffer.ResetWrittenCount();
        Encoding.UTF8.GetBytes(HashChain.Header(previous, alias, stamp), _buffer);
        _json.Reset(_buffer);
        JsonSerializer.Serialize(_json, e, info);
        _json.Flush();
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(_buffer.WrittenSpan, digest);
        return Convert.ToHexStringLower(digest);
    }

    public void Dispose() => _json.Dispose();
}
