using System.Globalization;
using System.Text.Json;
using CarbonLedger.Domain.Inclusion;
using CarbonLedger.Domain.Quantities;
using NodaTime;
using NodaTime.Text;

namespace CarbonLedger.Engine.Inclusion;

/// <summary>
/// Reads a platform's batch file: CSV with the header <c>behaviour_id,person,scenario,activity,at[,site]</c>
/// (no quoting: identifiers never contain commas), or NDJSON (<c>.ndjson</c>/<c>.jsonl</c>: one object per line
/// with the same field names). <c>at</c> is ISO-8601 with an offset (<c>2026-03-10T08:15:00+08:00</c>) or
/// <c>Z</c>; <c>activity</c> a decimal in the methodology's unit. A line that cannot be read becomes a
/// <see cref="BatchLine"/> with its error and position (1-based, data lines; the header is not counted), so the
/// rest of the batch still goes through.
/// </summary>
public static class BehaviourFile
{
    private static readonly string[] s_columns = ["behaviour_id", "person", "scenario", "activity", "at", "site"];

    /// <summary>
    /// Reads <paramref name="path"/>; throws <see cref="FormatException"/> for a CSV without the header.
    /// </summary>
    public static async Task<IReadOnlyList<BatchLine>> ReadAsync(string path, CancellationToken ct = default)
    {
        string[] text = await File.ReadAllLinesAsync(path, ct);
        bool json = path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);
        var lines = new List<BatchLine>(text.Length);
        int first = json ? 0 : 1;
        if (!json && (text.Length == 0 || !IsHeader(text[0])))
        {
            throw new FormatException(
                $"{path}: the first line must be the header {string.Join(',', s_columns[..5])}[,site]");
        }

        for (int i = first; i < text.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(text[i]))
            {
                continue;
            }

            int position = lines.Count + 1;
            lines.Add(json ? FromJson(position, text[i]) : FromCsv(position, text[i]));
        }

        return lines;
    }

    private static bool IsHeader(string line)
    {
        string[] names = line.Split(',');
        return names.Length is 5 or 6 && names.Select(n => n.Trim()).SequenceEqual(s_columns[..names.Length]);
    }

    private static BatchLine FromCsv(int position, string line)
    {
        string[] f = line.Split(',');
        return f.Length is 5 or 6
            ? Build(position, f[0], f[1], f[2], f[3], f[4], f.Length == 6 ? f[5] : null)
            : new BatchLine(position, null, $"line {position}: {f.Length} fields, expected 5 or 6");
    }

    private static BatchLine FromJson(int position, string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            JsonElement o = doc.RootElement;
            string? Field(string name) => o.TryGetProperty(name, out JsonElement v)
                ? v.ValueKind == JsonValueKind.Number ? v.GetRawText() : v.GetString()
                : null;
            return Build(position, Field("behaviour_id"), Field("person"), Field("scenario"), Field("activity"),
                Field("at"), Field("site"));
        }
        catch (JsonException e)
        {
            return new BatchLine(position, null, $"line {position}: not a JSON object ({e.Message})");
        }
    }

    private static BatchLine Build(int position, string? id, string? person, string? scenario, string? activity,
        string? at, string? site)
    {
        if (id is null || person is null || scenario is null || activity is null || at is null)
        {
            return new BatchLine(position, null, $"line {position}: a required field is missing");
        }

        if (!Scaled.TryParse(activity.Trim(), out Scaled amount))
        {
            return new BatchLine(position, null, $"line {position}: activity '{activity}' is not a decimal");
        }

        ParseResult<OffsetDateTime> when = OffsetDateTimePattern.ExtendedIso.Parse(at.Trim());
        if (!when.Success)
        {
            return new BatchLine(position, null,
                string.Create(CultureInfo.InvariantCulture,
                    $"line {position}: time '{at}' is not ISO-8601 with an offset"));
        }

        return new BatchLine(position, new BehaviourRecord(id.Trim(), person.Trim(), scenario.Trim(), amount,
            when.Value.ToInstant(), string.IsNullOrWhiteSpace(site) ? null : site.Trim()));
    }
}
