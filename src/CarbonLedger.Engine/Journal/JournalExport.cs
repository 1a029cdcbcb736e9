using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CarbonLedger.Engine.Journal;

/// <summary>
/// The journal, or a part of it, as files a regulator can read with any tool (docs/reference/exports.md):
/// NDJSON (one event per line: sequence, time, type, key, actor, previous hash, hash, and the event body exactly
/// as hashed) or CSV (the same columns, the body as one JSON field). Filtered by a sequence range and, optionally,
/// an account (an event is kept when any of its fields names the account). Written to a temporary file and moved
/// into place, so a failed export never leaves a partial file.
/// </summary>
public static class JournalExport
{
    /// <summary>The CSV header (and the NDJSON field names).</summary>
    public const string CsvHeader = "seq,at,type,key,actor,prev,hash,data";

    /// <summary>Writes the events <paramref name="from"/>..<paramref name="to"/> to <paramref name="path"/>.</summary>
    /// <returns>The number of events written.</returns>
    public static async Task<long> WriteAsync(LedgerJournal journal, string path, bool csv, long from, long? to,
        string? account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(journal);
        string temporary = path + ".partial";
        long written = 0;
        try
        {
            await using (var writer = new StreamWriter(temporary, false, new UTF8Encoding(false)))
            {
                if (csv)
                {
                    await writer.WriteLineAsync(CsvHeader);
                }

                await foreach (JournalEntry entry in journal.ReadAsync(0, ct))
                {
                    long seq = entry.Stamp.Sequence;
                    if (seq < from)
                    {
                        continue;
                    }

                    if (to is { } last && seq > last)
                    {
                        break;
                    }

                    string body = Encoding.UTF8.GetString(HashChain.Body(entry.Event));
                    if (account is not null && !Names(body, account))
                    {
                        continue;
                    }

                    await writer.WriteLineAsync(csv ? CsvLine(entry, body) : JsonLine(entry, body));
                    written++;
                }
            }

            File.Move(temporary, path, overwrite: true);
            return written;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static string JsonLine(JournalEntry e, string body)
    {
        var line = new StringBuilder(body.Length + 400);
        line.Append("{\"seq\":").Append(e.Stamp.Sequence.ToString(CultureInfo.InvariantCulture))
            .Append(",\"at\":").Append(JsonSerializer.Serialize(e.Event.At.ToString()))
            .Append(",\"type\":").Append(JsonSerializer.Serialize(EventAliases.Of(e.Event)))
            .Append(",\"key\":").Append(JsonSerializer.Serialize(e.Stamp.Key.Value))
            .Append(",\"actor\":").Append(JsonSerializer.Serialize(e.Stamp.Actor.Value))
            .Append(",\"prev\":").Append(JsonSerializer.Serialize(e.PreviousHash))
            .Append(",\"hash\":").Append(JsonSerializer.Serialize(e.Hash))
            .Append(",\"data\":").Append(body).Append('}');
        return line.ToString();
    }

    private static string CsvLine(JournalEntry e, string body) => string.Join(',',
        e.Stamp.Sequence.ToString(CultureInfo.InvariantCulture), e.Event.At.ToString(), EventAliases.Of(e.Event),
        Quote(e.Stamp.Key.Value), Quote(e.Stamp.Actor.Value), e.PreviousHash, e.Hash, Quote(body));

    /// <summary>RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.</summary>
    private static string Quote(string field) => field.AsSpan().IndexOfAny(",\"\n\r") < 0
        ? field
        : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>True when some string field of the event body is exactly <paramref name="account"/>.</summary>
    private static bool Names(string body, string account)
    {
        using var doc = JsonDocument.Parse(body);
        return Contains(doc.RootElement, account);

        static bool Contains(JsonElement element, string value) => element.ValueKind switch
        {
            JsonValueKind.String => element.ValueEquals(value),
            JsonValueKind.Object => element.EnumerateObject().Any(p => Contains(p.Value, value)),
            JsonValueKind.Array => element.EnumerateArray().Any(x => Contains(x, value)),
            _ => false,
        };
    }
}
