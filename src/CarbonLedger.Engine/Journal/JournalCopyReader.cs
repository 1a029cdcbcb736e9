using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Engine.Serialization;
using Npgsql;

namespace CarbonLedger.Engine.Journal;

/// <summary>
/// Reads the journal with <c>COPY (SELECT … ORDER BY seq_id LIMIT n) TO STDOUT (FORMAT BINARY)</c>, page after
/// page of <see cref="PageRows"/>, and turns each row
/// into a <see cref="JournalEntry"/>: the body deserialized from its UTF-8 bytes with the journal's contract
/// (<see cref="JournalJson"/>), the headers read straight from their bytes, and the entry's link hash recomputed
/// (<see cref="JournalEntry.RecomputedHash"/>) so that the consumer only compares. Replaces Marten's paged raw-event
/// query for whole-journal reads, which paid a query per page, its own deserialization and a dictionary of headers
/// per event (decision 0014). Each page starts after the last row of the one before: the journal is append-only
/// and the single writer commits its batches in sequence order, so the pages join up without gap or overlap.
/// Rows go out in chunks through a bounded channel, so the reading thread runs ahead of the one that folds.
/// </summary>
internal sealed class JournalCopyReader : IDisposable
{
    /// <summary>Entries per chunk handed to the consumer (amortises the channel's synchronisation).</summary>
    public const int ChunkSize = 512;

    private const int Columns = 5;
    private static readonly byte[] s_signature = [.. "PGCOPY\n"u8, 0xff, .. "\r\n\0"u8];

    private static readonly Dictionary<string, (string Alias, JsonTypeInfo Info)> s_types =
        EventAliases.All.ToDictionary(a => a.Value, a => (a.Value, JournalJson.Options.GetTypeInfo(a.Key)));

    private static readonly Dictionary<string, (string Alias, JsonTypeInfo Info)>.AlternateLookup<ReadOnlySpan<char>>
        s_typesBySpan = s_types.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly Stream _copy;
    private readonly LinkHasher _hasher = new();
    private byte[] _buffer = new byte[1 << 20];
    private int _start;
    private int _end;
    private bool _headerRead;
    private bool _done;

    private JournalCopyReader(Stream copy) => _copy = copy;

    /// <summary>The statement: the journal's rows after Marten sequence <paramref name="after"/>, in order.</summary>
    public static string Sql(string schema, long after) => Sql(schema, after, null);

    /// <summary>As <see cref="Sql(string, long)"/>, at most <paramref name="limit"/> rows.</summary>
    public static string Sql(string schema, long after, int? limit) => string.Create(CultureInfo.InvariantCulture,
        $"COPY (SELECT seq_id, type, data, headers, correlation_id FROM {schema}.mt_events " +
        $"WHERE seq_id > {after} AND is_archived = false ORDER BY seq_id{Limit(limit)}) TO STDOUT (FORMAT BINARY)");

    private static string Limit(int? rows) =>
        rows is { } n ? string.Create(CultureInfo.InvariantCulture, $" LIMIT {n}") : "";

    /// <summary>
    /// Rows per COPY. A COPY keeps its snapshot until it ends, and while any snapshot is open PostgreSQL cannot
    /// prune the row versions written after it: a replay that writes read models updates the same balance rows
    /// once per chunk, so under one long COPY every update walked a longer chain of dead versions (a 1,000,000-event
    /// replay: 62 µs per balance upsert against 4–7 µs per insert, pg_stat_statements). A page per COPY lets the
    /// horizon move on; 50,000 rows keep the extra statements negligible.
    /// </summary>
    public const int PageRows = 50_000;

    /// <summary>
    /// Reads every entry after <paramref name="after"/> into <paramref name="output"/>, which is completed at the
    /// end whatever happens (the caller observes this task for the error, after draining what came before it).
    /// </summary>
    public static async Task RunAsync(NpgsqlDataSource dataSource, string schema, long after, int pageRows,
        ChannelWriter<JournalEntry[]> output, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageRows);
        try
        {
            long from = after;
            long rows = pageRows;
            while (rows == pageRows)
            {
                await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(ct);
                await using Stream copy =
                    await connection.BeginRawBinaryCopyAsync(Sql(schema, from, pageRows), ct);
                using var reader = new JournalCopyReader(copy);
                (rows, from) = await reader.ReadAllAsync(output, from, ct);
            }
        }
        finally
        {
            output.TryComplete();
        }
    }

    public void Dispose() => _hasher.Dispose();

    /// <summary>Reads this COPY to its end; returns its row count and the last row's store sequence.</summary>
    private async Task<(long Rows, long Last)> ReadAllAsync(ChannelWriter<JournalEntry[]> output, long last,
        CancellationToken ct)
    {
        long rows = 0;
        var chunk = new List<JournalEntry>(ChunkSize);
        while (!_done)
        {
            MakeRoom();
            int read = await _copy.ReadAsync(_buffer.AsMemory(_end), ct);
            if (read == 0)
            {
                throw new JournalIntegrityException("the journal's COPY stream ended in the middle of a row");
            }

            _end += read;
            while (true)
            {
                _start += Parse(_buffer.AsSpan(_start, _end - _start), chunk);
                if (chunk.Count < ChunkSize)
                {
                    break;
                }

                rows += chunk.Count;
                last = chunk[^1].StoreSequence;
                await output.WriteAsync([.. chunk], ct);
                chunk.Clear();
            }
        }

        if (chunk.Count > 0)
        {
            rows += chunk.Count;
            last = chunk[^1].StoreSequence;
            await output.WriteAsync([.. chunk], ct);
        }

        // Read to the end so that Npgsql sees the COPY complete (an unfinished one is cancelled on dispose).
        while (await _copy.ReadAsync(_buffer, ct) > 0)
        {
        }

        return (rows, last);
    }

    /// <summary>Moves the unparsed tail to the front, doubling the buffer when a single row fills it.</summary>
    private void MakeRoom()
    {
        int pending = _end - _start;
        if (pending == _buffer.Length)
        {
            Array.Resize(ref _buffer, checked(_buffer.Length * 2));
        }
        else if (_start > 0)
        {
            _buffer.AsSpan(_start, pending).CopyTo(_buffer);
        }

        _start = 0;
        _end = pending;
    }

    /// <summary>
    /// Decodes the complete rows at the start of <paramref name="data"/> into <paramref name="chunk"/> until it holds
    /// <see cref="ChunkSize"/> entries; returns the bytes consumed (a partial row waits for more data).
    /// </summary>
    private int Parse(ReadOnlySpan<byte> data, List<JournalEntry> chunk)
    {
        int consumed = 0;
        if (!_headerRead)
        {
            if (data.Length < 19)
            {
                return 0;
            }

            if (!data[..11].SequenceEqual(s_signature))
            {
                throw new JournalIntegrityException("the journal's COPY stream has no binary COPY signature");
            }

            int extension = BinaryPrimitives.ReadInt32BigEndian(data[15..]);
            if (data.Length < 19 + extension)
            {
                return 0;
            }

            consumed = 19 + extension;
            _headerRead = true;
        }

        Span<(int Start, int Length)> fields = stackalloc (int, int)[Columns];
        while (chunk.Count < ChunkSize)
        {
            ReadOnlySpan<byte> row = data[consumed..];
            if (row.Length < 2)
            {
                return consumed;
            }

            short count = BinaryPrimitives.ReadInt16BigEndian(row);
            if (count == -1)
            {
                _done = true;
                return consumed + 2;
            }

            if (count != Columns)
            {
                throw new JournalIntegrityException($"a journal COPY row has {count} columns, not {Columns}");
            }

            int at = 2;
            for (int i = 0; i < Columns; i++)
            {
                if (row.Length < at + 4)
                {
                    return consumed;
                }

                int length = BinaryPrimitives.ReadInt32BigEndian(row[at..]);
                at += 4;
                if (length > 0 && row.Length < at + length)
                {
                    return consumed;
                }

                fields[i] = (at, length);
                at += Math.Max(length, 0);
            }

            chunk.Add(Decode(row, fields));
            consumed += at;
        }

        return consumed;
    }

    private JournalEntry Decode(ReadOnlySpan<byte> row, ReadOnlySpan<(int Start, int Length)> fields)
    {
        long storeSequence = BinaryPrimitives.ReadInt64BigEndian(row.Slice(fields[0].Start, 8));
        ReadOnlySpan<byte> type = Field(row, fields[1]);
        (string alias, JsonTypeInfo info) = Lookup(type) ?? throw new JournalIntegrityException(
            $"journal event {storeSequence} is not a ledger event ({Encoding.UTF8.GetString(type)})");
        LedgerEvent e;
        try
        {
            e = JsonSerializer.Deserialize(Jsonb(row, fields[2], storeSequence), info) as LedgerEvent
                ?? throw new JournalIntegrityException($"journal event {storeSequence} has an empty body");
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException)
        {
            throw new JournalIntegrityException($"journal event {storeSequence} cannot be read: {ex.Message}", ex);
        }

        JournalHeaderValues h = JournalHeaderValues.Parse(Jsonb(row, fields[3], storeSequence), storeSequence);
        var stamp = new EventStamp(h.Sequence, IdempotencyKey.Of(h.Key), h.Fingerprint, ActorId.Of(h.Actor));
        return new JournalEntry(e, stamp, h.Previous, h.Hash)
        {
            CorrelationId = fields[4].Length < 0 ? null : Encoding.UTF8.GetString(Field(row, fields[4])),
            StoreSequence = storeSequence,
            RecomputedHash = _hasher.Link(h.Previous, alias, e, info, stamp),
        };
    }

    private static ReadOnlySpan<byte> Field(ReadOnlySpan<byte> row, (int Start, int Length) field) =>
        field.Length < 0 ? [] : row.Slice(field.Start, field.Length);

    /// <summary>A jsonb value in binary COPY is a version byte (1) followed by the JSON text.</summary>
    private static ReadOnlySpan<byte> Jsonb(ReadOnlySpan<byte> row, (int Start, int Length) field, long seq)
    {
        ReadOnlySpan<byte> value = Field(row, field);
        return value.Length > 1 && value[0] == 1
            ? value[1..]
            : throw new JournalIntegrityException($"journal event {seq} has a missing or unknown jsonb value");
    }

    private static (string Alias, JsonTypeInfo Info)? Lookup(ReadOnlySpan<byte> type)
    {
        Span<char> chars = stackalloc char[64];
        if (type.Length > chars.Length || !Encoding.UTF8.TryGetChars(type, chars, out int written))
        {
            return null;
        }

        return s_typesBySpan.TryGetValue(chars[..written], out (string, JsonTypeInfo) found) ? found : null;
    }
}
