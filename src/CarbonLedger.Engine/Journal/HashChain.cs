using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Engine.Serialization;

namespace CarbonLedger.Engine.Journal;

/// <summary>
/// The SHA-256 chain over the journal. Each event's hash covers the previous hash, its ledger sequence,
/// its type alias, the idempotency key, actor and command fingerprint, and the event re-serialized with
/// <see cref="JournalJson"/>. Altering, deleting, inserting or reordering any event therefore breaks the
/// link at that event. The single writer computes it in memory, so it costs no coordination.
/// </summary>
public static class HashChain
{
    /// <summary>The "previous hash" of the first event.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// The hash of <paramref name="e"/> stamped <paramref name="stamp"/> after <paramref name="previous"/>.
    /// </summary>
    public static string Link(string previous, LedgerEvent e, EventStamp stamp) => Link(previous, e, stamp, Body(e));

    /// <summary>
    /// The event's canonical JSON: what the chain hashes and, on the live path, exactly what the journal stores
    /// (serialized once per event).
    /// </summary>
    public static byte[] Body(LedgerEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return JsonSerializer.SerializeToUtf8Bytes(e, e.GetType(), JournalJson.Options);
    }

    /// <summary>As <see cref="Link(string, LedgerEvent, EventStamp)"/>, with the body already serialized.</summary>
    public static string Link(string previous, LedgerEvent e, EventStamp stamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(e);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(Header(previous, EventAliases.Of(e), stamp)));
        sha.AppendData(body);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>
    /// The text hashed before the body. One definition, shared with the replay's <see cref="LinkHasher"/>, so the
    /// writer and the reader can never disagree on the format.
    /// </summary>
    internal static string Header(string previous, string alias, EventStamp stamp) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{previous}\n{stamp.Sequence}\n{alias}\n{stamp.Key.Value}\n{stamp.Actor.Value}\n" +
            $"{stamp.Fingerprint:x16}\n");

    /// <summary>
    /// The writer settings <see cref="JsonSerializer.SerializeToUtf8Bytes(object?, Type, JsonSerializerOptions?)"/>
    /// derives from <see cref="JournalJson.Options"/>, for callers that serialize into a reused writer: the bytes
    /// must be identical to <see cref="Body"/>'s (the replay test checks every stored hash against them).
    /// </summary>
    internal static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = JournalJson.Options.Encoder,
        Indented = JournalJson.Options.WriteIndented,
        SkipValidation = true,
    };
}
