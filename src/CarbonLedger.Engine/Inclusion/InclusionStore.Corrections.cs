using CarbonLedger.Domain.Inclusion;
using CarbonLedger.Domain.Quantities;
using Npgsql;
using NodaTime;

namespace CarbonLedger.Engine.Inclusion;

public sealed partial class InclusionStore
{
    /// <summary>
    /// Corrects a recorded behaviour's activity (abnormal data, domain.md §7.3): only through this step, with a
    /// reason, by the platform that recorded it, and only while its scenario period is not issued. The row's
    /// grams and the period totals move by the difference; the correction itself is kept (before, after, reason).
    /// </summary>
    public async Task<InclusionRejection> CorrectAsync(string platform, string behaviourId, Scaled activity,
        string reason, CancellationToken ct = default)
    {
        if (activity.IsNegative)
        {
            return InclusionRejection.ActivityNegative;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return InclusionRejection.ReasonRequired;
        }

        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(ct);
        await using NpgsqlTransaction tx = await connection.BeginTransactionAsync(ct);
        await using var read = new NpgsqlCommand(
            $"SELECT scenario, activity, grams, day FROM {_schema}.inclusion_behaviours " +
            "WHERE behaviour_id = $1 AND platform = $2 FOR UPDATE", connection);
        read.Parameters.AddWithValue(behaviourId);
        read.Parameters.AddWithValue(platform);
        string scenario;
        string before;
        long beforeGrams;
        LocalDate day;
        await using (NpgsqlDataReader r = await read.ExecuteReaderAsync(ct))
        {
            if (!await r.ReadAsync(ct))
            {
                return InclusionRejection.BehaviourUnknown;
            }

            (scenario, before, beforeGrams, day) =
                (r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetFieldValue<LocalDate>(3));
        }

        Methodology methodology = _rules.MethodologyOf(_rules.Scenarios[scenario]);
        if (activity.CompareValue(methodology.MaxActivityPerRecord) > 0)
        {
            return InclusionRejection.ActivityImplausible;
        }

        if ((await IssuedScenariosAsync(connection, new DateInterval(day, day), ct)).Contains(scenario))
        {
            return InclusionRejection.PeriodAlreadyIssued;
        }

        long after = methodology.ReductionGrams(activity);
        await using var write = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Command($"UPDATE {_schema}.inclusion_behaviours SET activity = $2, grams = $3 WHERE behaviour_id = $1",
                    behaviourId, activity.ToString(), after),
                Command(
                    $"UPDATE {_schema}.inclusion_day_totals SET grams = grams + $1 WHERE scenario = $2 AND day = $3",
                    after - beforeGrams, scenario, day),
                Command($"INSERT INTO {_schema}.inclusion_corrections VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                    behaviourId, platform, before, activity.ToString(), beforeGrams, after, reason,
                    _clock.GetCurrentInstant()),
            },
        };
        await write.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return InclusionRejection.None;
    }

    /// <summary>
    /// Redeems <paramref name="points"/> of <paramref name="person"/>'s points for goods or services
    /// (<paramref name="reference"/>: the benefit provider's order); never more than the person holds.
    /// </summary>
    public async Task<InclusionRejection> RedeemAsync(string person, long points, string reference,
        CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return InclusionRejection.ReasonRequired;
        }

        if (points <= 0)
        {
            return InclusionRejection.PointsMustBePositive;
        }

        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(ct);
        await using NpgsqlTransaction tx = await connection.BeginTransactionAsync(ct);
        await using var redeem = new NpgsqlCommand(
            $"UPDATE {_schema}.inclusion_points SET points = points - $2, redeemed = redeemed + $2 " +
            "WHERE person = $1 AND points >= $2", connection);
        redeem.Parameters.AddWithValue(person);
        redeem.Parameters.AddWithValue(points);
        if (await redeem.ExecuteNonQueryAsync(ct) == 0)
        {
            return InclusionRejection.PointsInsufficient;
        }

        await using var record = new NpgsqlCommand(
            $"INSERT INTO {_schema}.inclusion_redemptions VALUES ($1, $2, $3, $4)", connection);
        record.Parameters.AddWithValue(person);
        record.Parameters.AddWithValue(points);
        record.Parameters.AddWithValue(reference);
        record.Parameters.AddWithValue(_clock.GetCurrentInstant());
        await record.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return InclusionRejection.None;
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (object value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
