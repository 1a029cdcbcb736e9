using System.Globalization;
using System.Text.Json;

namespace CarbonLedger.Engine.Journal;

/// <summary>
/// The hash-chain headers of one journaled event (<see cref="JournalHeaders"/>), read straight from the headers'
/// JSON bytes: no dictionary of boxed values per event, as Marten's reader builds. Values are parsed exactly as the
/// Marten path parsed them (decimal sequence, hexadecimal fingerprint), and a missing one is refused the same way.
/// </summary>
internal readonly record struct JournalHeaderValues(
    long Sequence, string Key, ulong Fingerprint, string Actor, string Previous, string Hash)
{
    public static JournalHeaderValues Parse(ReadOnlySpan<byte> json, long storeSequence)
    {
        string? seq = null, key = null, fingerprint = null, actor = null, previous = null, hash = null;
        var reader = new Utf8JsonReader(json);
        try
        {
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                ref string? slot = ref seq;
                bool known = true;
                if (reader.ValueTextEquals(JournalHeaders.Sequence))
                {
                    slot = ref seq;
                }
                else if (reader.ValueTextEquals(JournalHeaders.Key))
                {
                    slot = ref key;
                }
                else if (reader.ValueTextEquals(JournalHeaders.Fingerprint))
                {
                    slot = ref fingerprint;
                }
                else if (reader.ValueTextEquals(JournalHeaders.Actor))
                {
                    slot = ref actor;
                }
                else if (reader.ValueTextEquals(JournalHeaders.Previous))
                {
                    slot = ref previous;
                }
                else if (reader.ValueTextEquals(JournalHeaders.Hash))
                {
                    slot = ref hash;
                }
                else
                {
                    known = false;
                }

                reader.Read();
                if (!known)
                {
                    reader.Skip();
                }
                else
                {
                    // Marten's path took each header's text form; a non-string value keeps that meaning.
                    slot = reader.TokenType == JsonTokenType.String
                        ? reader.GetString()
                        : reader.TokenType == JsonTokenType.Null ? null : Raw(ref reader);
                }
            }
        }
        catch (JsonException ex)
        {
            throw new JournalIntegrityException($"journal event {storeSequence} has unreadable headers", ex);
        }

        return new JournalHeaderValues(
            long.Parse(Required(seq, JournalHeaders.Sequence, storeSequence), CultureInfo.InvariantCulture),
            Required(key, JournalHeaders.Key, storeSequence),
            ulong.Parse(Required(fingerprint, JournalHeaders.Fingerprint, storeSequence), NumberStyles.HexNumber,
                CultureInfo.InvariantCulture),
            Required(actor, JournalHeaders.Actor, storeSequence),
            Required(previous, JournalHeaders.Previous, storeSequence),
            Required(hash, JournalHeaders.Hash, storeSequence));
    }

    private static string Raw(ref Utf8JsonReader reader)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.ToString();
    }

    private static string Required(string? value, string name, long storeSequence) =>
        value ?? throw new JournalIntegrityException($"journal event {storeSequence} has no '{name}' header");
}
