using System.Collections.Immutable;
using System.Globalization;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Inclusion;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Engine.Workflows;
using Npgsql;
using NpgsqlTypes;
using NodaTime;

namespace CarbonLedger.Engine.Inclusion;

/// <summary>
/// 碳普惠 on PostgreSQL: platforms register persons and submit batches of behaviour records; each batch is
/// checked (<see cref="BatchValidator"/>), and its good records are written in one transaction by binary COPY
/// into a session table and one set-based insert whose primary key refuses behaviour ids any platform recorded
/// before (reported per record). A batch id is an
/// idempotency key: submitting it again records nothing more. The regulator then confirms a scenario's period,
/// and its whole tonnes are issued as SHCER through the ledger core, the remainder carried to the next period;
/// the period's persons are credited with points in the same step.
/// </summary>
public sealed partial class InclusionStore : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;
    private readonly LedgerEngine _engine;
    private readonly InclusionRules _rules;
    private readonly DateTimeZone _zone;
    private readonly IClock _clock;

    // Persons seen registered, by platform and person: registrations are never withdrawn, so a hit is final and
    // only persons not seen yet are looked up in the database (registrations by other processes included).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string), byte> _registered = new();

    private InclusionStore(NpgsqlDataSource dataSource, string schema, LedgerEngine engine, InclusionRules rules,
        DateTimeZone zone, IClock clock)
    {
        _dataSource = dataSource;
        _schema = schema;
        _engine = engine;
        _rules = rules;
        _zone = zone;
        _clock = clock;
    }

    /// <summary>The rule book the store checks against.</summary>
    public InclusionRules Rules => _rules;

    /// <summary>Creates the tables (in the workflow schema of <paramref name="ledgerSchema"/>) and the store.</summary>
    public static async Task<InclusionStore> OpenAsync(string connectionString, string ledgerSchema,
        LedgerEngine engine, InclusionRules rules, IClock clock, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseNodaTime();
        NpgsqlDataSource dataSource = builder.Build();
        string schema = WorkflowStore.SchemaFor(ledgerSchema);
        try
        {
            await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(ct);
            foreach (string sql in InclusionSchema.Statements(schema))
            {
#pragma warning disable CA2100 // schema names from configuration
                await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
                await command.ExecuteNonQueryAsync(ct);
            }
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }

        return new InclusionStore(dataSource, schema, engine, rules,
            DateTimeZoneProviders.Tzdb["Asia/Shanghai"], clock);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>
    /// Registers pseudonymous persons with a platform (already registered ones are left as they are).
    /// </summary>
    public async Task RegisterPersonsAsync(string platform, IReadOnlyCollection<string> persons,
        CancellationToken ct = default)
    {
        await using NpgsqlCommand command = _dataSource.CreateCommand(
            $"INSERT INTO {_schema}.inclusion_persons SELECT $1, p FROM unnest($2::text[]) AS p " +
            "ON CONFLICT DO NOTHING");
        command.Parameters.AddWithValue(platform);
        command.Parameters.AddWithValue(persons.ToArray());
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Ingests <paramref name="lines"/> from <paramref name="platform"/> for <paramref name="period"/> under the
    /// batch id <paramref name="batch"/>.
    /// </summary>
    public async Task<IngestResult> IngestAsync(string batch, string platform, DateInterval period,
        IReadOnlyList<BatchLine> lines, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(batch);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(lines);
        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(ct);
        await using NpgsqlTransaction tx = await connection.BeginTransactionAsync(ct);
        if (!await ClaimBatchAsync(connection, batch, platform, period, ct))
        {
            return await EarlierAsync(connection, batch, ct);
        }

        HashSet<string> registered = await RegisteredAsync(connection, platform, lines, ct);
        HashSet<string> closed = await IssuedScenariosAsync(connection, period, ct);
        BatchDecision decision = BatchValidator.Validate(platform, period, lines, _rules, _zone, registered.Contains);
        var refused = decision.Refused.ToBuilder();
        var candidates = new List<AcceptedBehaviour>(decision.Accepted.Length);
        foreach (AcceptedBehaviour a in decision.Accepted)
        {
            if (closed.Contains(a.Record.Scenario))
            {
                refused.Add(new RefusedBehaviour(a.Position, a.Record.BehaviourId,
                    InclusionRejection.PeriodAlreadyIssued, $"{a.Record.Scenario} {period} is issued"));
            }
            else
            {
                candidates.Add(a);
            }
        }

        HashSet<string> inserted = await InsertAsync(connection, batch, platform, candidates, ct);
        var recorded = new List<AcceptedBehaviour>(inserted.Count);
        foreach (AcceptedBehaviour a in candidates)
        {
            if (inserted.Contains(a.Record.BehaviourId))
            {
                recorded.Add(a);
            }
            else
            {
                refused.Add(new RefusedBehaviour(a.Position, a.Record.BehaviourId,
                    InclusionRejection.DuplicateRecorded, $"behaviour {a.Record.BehaviourId} was recorded before"));
            }
        }

        long grams = recorded.Sum(r => r.Grams);
        await FinishBatchAsync(connection, batch, recorded.Count, refused.Count, grams, ct);

        // Last before the commit: every batch of a scenario updates the same few day rows, so their locks are
        // held for as short a time as possible.
        await AddDayTotalsAsync(connection, recorded, ct);
        await tx.CommitAsync(ct);
        refused.Sort((a, b) => a.Position.CompareTo(b.Position));
        return new IngestResult(batch, false, recorded.Count, grams, refused.ToImmutable());
    }

    /// <summary>A scenario's recorded grams and behaviours for a period.</summary>
    public async Task<(long Grams, long Behaviours)> TotalsAsync(string scenario, DateInterval period,
        CancellationToken ct = default)
    {
        await using NpgsqlCommand command = _dataSource.CreateCommand(
            $"SELECT coalesce(sum(grams), 0)::bigint, coalesce(sum(behaviours), 0)::bigint " +
            $"FROM {_schema}.inclusion_day_totals WHERE scenario = $1 AND day BETWEEN $2 AND $3");
        command.Parameters.AddWithValue(scenario);
        command.Parameters.AddWithValue(period.Start);
        command.Parameters.AddWithValue(period.End);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>A person's points and the grams short of the next point.</summary>
    public async Task<(long Points, long PendingGrams)> PointsAsync(string person, CancellationToken ct = default)
    {
        await using NpgsqlCommand command = _dataSource.CreateCommand(
            $"SELECT points, pending_grams FROM {_schema}.inclusion_points WHERE person = $1");
        command.Parameters.AddWithValue(person);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetInt64(1)) : (0, 0);
    }

    /// <summary>
    /// The regulator confirms <paramref name="scenario"/>'s <paramref name="period"/>: the period's grams plus the
    /// carry from the scenario's previous issuance become whole tonnes of SHCER (vintage: the period's last
    /// year), issued by <paramref name="regulator"/> from <paramref name="authority"/> to the scenario's account,
    /// one serial per tonne; the remainder is carried. Confirming the same period again returns the first issuance.
    /// </summary>
    public async Task<ScenarioIssuance> ConfirmAndIssueAsync(string scenario, DateInterval period,
        ActorId regulator, AccountId authority, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (!_rules.Scenarios.TryGetValue(scenario, out BehaviourScenario? s))
        {
            throw new ArgumentException($"scenario {scenario} is unknown", nameof(scenario));
        }

        if (await IssuanceAsync(scenario, period.Start, ct) is { } earlier)
        {
            return earlier;
        }

        (long grams, _) = await TotalsAsync(scenario, period, ct);
        long carriedIn = await CarryBeforeAsync(scenario, period.Start, ct);
        PeriodIssuance issuance = PeriodIssuance.Of(carriedIn, grams);
        var instrument = new InstrumentId(Programme.Shcer, Vintage.Of(period.End.Year));
        string key = string.Create(CultureInfo.InvariantCulture, $"shcer-{scenario}-{period.Start:yyyyMMdd}");
        SerialRange? serials = null;
        long sequence = 0;
        if (issuance.Tonnes > 0)
        {
            long start = await _engine.ReadAsync(l => l.AllSerialHoldings()
                .Where(h => h.Instrument == instrument).Select(h => h.Serials.End).DefaultIfEmpty(0).Max() + 1, ct);
            serials = new SerialRange(start, start + issuance.Tonnes - 1);
            CommandResult result = await _engine.SubmitAsync(new IssueCredits(IdempotencyKey.Of(key), regulator,
                authority, s.Account, instrument, serials.Value, scenario), key, ct);
            if (!result.Outcome.IsAccepted)
            {
                throw new InvalidOperationException(
                    $"SHCER issuance for {scenario} {period} was refused by the ledger: {result.Outcome.Rejection}");
            }

            sequence = result.Outcome.Sequence;
        }

        var issued = new ScenarioIssuance(scenario, period, issuance, instrument, serials, sequence, regulator,
            _clock.GetCurrentInstant());
        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(ct);
        await using NpgsqlTransaction tx = await connection.BeginTransactionAsync(ct);
        await using var insert = new NpgsqlCommand(
            $"INSERT INTO {_schema}.inclusion_issuances " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)", connection);
        insert.Parameters.AddWithValue(scenario);
        insert.Parameters.AddWithValue(period.Start);
        insert.Parameters.AddWithValue(period.End);
        insert.Parameters.AddWithValue(grams);
        insert.Parameters.AddWithValue(carriedIn);
        insert.Parameters.AddWithValue(issuance.Tonnes);
        insert.Parameters.AddWithValue(issuance.CarryOutGrams);
        insert.Parameters.AddWithValue(instrument.ToString());
        insert.Parameters.AddWithValue(serials is { } r1 ? r1.Start : DBNull.Value);
        insert.Parameters.AddWithValue(serials is { } r2 ? r2.End : DBNull.Value);
        insert.Parameters.AddWithValue(sequence);
        insert.Parameters.AddWithValue(regulator.Value);
        insert.Parameters.AddWithValue(issued.At);
        await insert.ExecuteNonQueryAsync(ct);
        await CreditPointsAsync(connection, scenario, period, ct);
        await tx.CommitAsync(ct);
        return issued;
    }

    /// <summary>
    /// The issuance of <paramref name="scenario"/>'s period starting <paramref name="start"/>, if any.
    /// </summary>
    public async Task<ScenarioIssuance?> IssuanceAsync(string scenario, LocalDate start, CancellationToken ct = default)
    {
        await using NpgsqlCommand command = _dataSource.CreateCommand(
            "SELECT period_end, grams, carried_in, tonnes, carry_out, instrument, serial_start, serial_end, " +
            "ledger_seq, " +
            $"regulator, issued_at FROM {_schema}.inclusion_issuances WHERE scenario = $1 AND period_start = $2");
        command.Parameters.AddWithValue(scenario);
        command.Parameters.AddWithValue(start);
        await using NpgsqlDataReader r = await command.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct))
        {
            return null;
        }

        var issuance = new PeriodIssuance(r.GetInt64(2), r.GetInt64(1), r.GetInt64(3), r.GetInt64(4));
        SerialRange? serials = r.IsDBNull(6) ? null : new SerialRange(r.GetInt64(6), r.GetInt64(7));
        return new ScenarioIssuance(scenario, new DateInterval(start, r.GetFieldValue<LocalDate>(0)), issuance,
            InstrumentId.Parse(r.GetString(5)), serials, r.GetInt64(8), ActorId.Of(r.GetString(9)),
            r.GetFieldValue<Instant>(10));
    }

    private async Task<long> CarryBeforeAsync(string scenario, LocalDate start, CancellationToken ct)
    {
        await using NpgsqlCommand command = _dataSource.CreateCommand(
            $"SELECT carry_out FROM {_schema}.inclusion_issuances WHERE scenario = $1 AND period_start < $2 " +
            "ORDER BY period_start DESC LIMIT 1");
        command.Parameters.AddWithValue(scenario);
        command.Parameters.AddWithValue(start);
        return await command.ExecuteScalarAsync(ct) is long carry ? carry : 0;
    }

    private async Task<bool> ClaimBatchAsync(NpgsqlConnection connection, string batch, string platform,
        DateInterval period, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"INSERT INTO {_schema}.inclusion_batches VALUES ($1, $2, $3, $4, $5, 0, 0, 0) ON CONFLICT DO NOTHING",
            connection);
        command.Parameters.AddWithValue(batch);
        command.Parameters.AddWithValue(platform);
        command.Parameters.AddWithValue(period.Start);
        command.Parameters.AddWithValue(period.End);
        command.Parameters.AddWithValue(_clock.GetCurrentInstant());
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    private async Task<IngestResult> EarlierAsync(NpgsqlConnection connection, string batch, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT accepted, grams FROM {_schema}.inclusion_batches WHERE batch = $1", connection);
        command.Parameters.AddWithValue(batch);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new IngestResult(batch, true, reader.GetInt32(0), reader.GetInt64(1), []);
    }

    private async Task<HashSet<string>> RegisteredAsync(NpgsqlConnection connection, string platform,
        IReadOnlyList<BatchLine> lines, CancellationToken ct)
    {
        var registered = new HashSet<string>(StringComparer.Ordinal);
        var unknown = new HashSet<string>(StringComparer.Ordinal);
        foreach (BatchLine line in lines)
        {
            if (line.Record is { } r && !registered.Contains(r.Person))
            {
                _ = _registered.ContainsKey((platform, r.Person)) ? registered.Add(r.Person) : unknown.Add(r.Person);
            }
        }

        if (unknown.Count == 0)
        {
            return registered;
        }

        await using var command = new NpgsqlCommand(
            $"SELECT person FROM {_schema}.inclusion_persons WHERE platform = $1 AND person = ANY($2)", connection);
        command.Parameters.AddWithValue(platform);
        command.Parameters.AddWithValue(unknown.ToArray());
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            string person = reader.GetString(0);
            registered.Add(person);
            _registered.TryAdd((platform, person), 0);
        }

        return registered;
    }

    private async Task<HashSet<string>> IssuedScenariosAsync(NpgsqlConnection connection, DateInterval period,
        CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT scenario FROM {_schema}.inclusion_issuances WHERE period_start <= $2 AND period_end >= $1",
            connection);
        command.Parameters.AddWithValue(period.Start);
        command.Parameters.AddWithValue(period.End);
        var issued = new HashSet<string>(StringComparer.Ordinal);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            issued.Add(reader.GetString(0));
        }

        return issued;
    }

    /// <summary>
    /// COPY into a session table, then one insert that keeps only ids nobody recorded yet. Rows go in id order
    /// (and points in person order) so that concurrent batches take their key locks in one order and never
    /// deadlock; a batch that meets another's uncommitted id waits for it, then finds it recorded or not.
    /// </summary>
    private async Task<HashSet<string>> InsertAsync(NpgsqlConnection connection, string batch, string platform,
        List<AcceptedBehaviour> rows, CancellationToken ct)
    {
        var inserted = new HashSet<string>(rows.Count, StringComparer.Ordinal);
        if (rows.Count == 0)
        {
            return inserted;
        }

        await using (var create = new NpgsqlCommand(
            "CREATE TEMP TABLE IF NOT EXISTS incoming_behaviours (behaviour_id text, platform text, person text, " +
            "scenario text, methodology text, activity text, grams bigint, day date, batch text, position int) " +
            "ON COMMIT DELETE ROWS", connection))
        {
            await create.ExecuteNonQueryAsync(ct);
        }

        await using (NpgsqlBinaryImporter copy = await connection.BeginBinaryImportAsync(
            "COPY incoming_behaviours FROM STDIN (FORMAT BINARY)", ct))
        {
            // Synchronous writes into the importer's buffer (it flushes every 8 KB): ten awaits a row cost more
            // than the COPY itself.
            foreach (AcceptedBehaviour a in rows)
            {
                copy.StartRow();
                copy.Write(a.Record.BehaviourId, NpgsqlDbType.Text);
                copy.Write(platform, NpgsqlDbType.Text);
                copy.Write(a.Record.Person, NpgsqlDbType.Text);
                copy.Write(a.Record.Scenario, NpgsqlDbType.Text);
                copy.Write(a.Methodology, NpgsqlDbType.Text);
                copy.Write(a.Record.Activity.ToString(), NpgsqlDbType.Text);
                copy.Write(a.Grams, NpgsqlDbType.Bigint);
                copy.Write(a.Date, NpgsqlDbType.Date);
                copy.Write(batch, NpgsqlDbType.Text);
                copy.Write(a.Position, NpgsqlDbType.Integer);
            }

            await copy.CompleteAsync(ct);
        }

        await using var insert = new NpgsqlCommand(
            $"INSERT INTO {_schema}.inclusion_behaviours SELECT * FROM incoming_behaviours ORDER BY behaviour_id " +
            "ON CONFLICT (behaviour_id) DO NOTHING RETURNING behaviour_id", connection);
        await using NpgsqlDataReader reader = await insert.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            inserted.Add(reader.GetString(0));
        }

        return inserted;
    }

    /// <summary>Adds the recorded grams and behaviours to the scenario-day totals (what issuance sums).</summary>
    private async Task AddDayTotalsAsync(NpgsqlConnection connection, List<AcceptedBehaviour> recorded,
        CancellationToken ct)
    {
        if (recorded.Count == 0)
        {
            return;
        }

        var totals = new SortedDictionary<(string Scenario, LocalDate Day), (long Grams, long Count)>();
        foreach (AcceptedBehaviour a in recorded)
        {
            var key = (a.Record.Scenario, a.Date);
            (long g, long n) = totals.GetValueOrDefault(key);
            totals[key] = (checked(g + a.Grams), n + 1);
        }

        await using var command = new NpgsqlCommand(
            $"INSERT INTO {_schema}.inclusion_day_totals AS t " +
            "SELECT * FROM unnest($1::text[], $2::date[], $3::bigint[], $4::bigint[]) " +
            "ON CONFLICT (scenario, day) DO UPDATE SET grams = t.grams + excluded.grams, " +
            "behaviours = t.behaviours + excluded.behaviours", connection);
        command.Parameters.AddWithValue(totals.Keys.Select(k => k.Scenario).ToArray());
        command.Parameters.AddWithValue(totals.Keys.Select(k => k.Day).ToArray());
        command.Parameters.AddWithValue(totals.Values.Select(v => v.Grams).ToArray());
        command.Parameters.AddWithValue(totals.Values.Select(v => v.Count).ToArray());
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Credits the persons of a confirmed scenario period with points per the redemption table (confirmed
    /// reductions become points, domain.md §7.3 Art. 27/29), in the issuance's transaction, so a period credits
    /// points once; grams short of a point stay pending, never lost.
    /// </summary>
    private async Task CreditPointsAsync(NpgsqlConnection connection, string scenario, DateInterval period,
        CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"INSERT INTO {_schema}.inclusion_points AS p (person, points, pending_grams) " +
            $"SELECT person, sum(grams) / $4, sum(grams) % $4 FROM {_schema}.inclusion_behaviours " +
            "WHERE scenario = $1 AND day BETWEEN $2 AND $3 GROUP BY person ORDER BY person " +
            "ON CONFLICT (person) DO UPDATE SET " +
            "points = p.points + (p.pending_grams + excluded.points * $4 + excluded.pending_grams) / $4, " +
            "pending_grams = (p.pending_grams + excluded.points * $4 + excluded.pending_grams) % $4", connection);
        command.Parameters.AddWithValue(scenario);
        command.Parameters.AddWithValue(period.Start);
        command.Parameters.AddWithValue(period.End);
        command.Parameters.AddWithValue(_rules.Points.GramsPerPoint);
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task FinishBatchAsync(NpgsqlConnection connection, string batch, int accepted, int refused,
        long grams, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"UPDATE {_schema}.inclusion_batches SET accepted = $2, refused = $3, grams = $4 WHERE batch = $1",
            connection);
        command.Parameters.AddWithValue(batch);
        command.Parameters.AddWithValue(accepted);
        command.Parameters.AddWithValue(refused);
        command.Parameters.AddWithValue(grams);
        await command.ExecuteNonQueryAsync(ct);
    }
}
