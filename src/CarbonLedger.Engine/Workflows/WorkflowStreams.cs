using System.Globalization;
using CarbonLedger.Engine.Resilience;
using JasperFx.Events;
using Marten;
using Npgsql;

namespace CarbonLedger.Engine.Workflows;

/// <summary>
/// One workflow step on one Marten stream: read the stream, answer a repeated key from its headers, fold the
/// state, decide, append with the expected version (optimistic concurrency), and on a conflict start over
/// (<see cref="WorkflowPipeline"/>).
/// </summary>
internal sealed class WorkflowStreams(IDocumentStore store, NpgsqlDataSource dataSource)
{
    /// <summary>The events of <paramref name="stream"/>, oldest first.</summary>
    public async Task<IReadOnlyList<IEvent>> ReadAsync(string stream, CancellationToken ct)
    {
        await using IQuerySession session = store.QuerySession();
        return await session.Events.FetchStreamAsync(stream, token: ct);
    }

    /// <summary>
    /// Runs a step. <paramref name="decide"/> gets the folded events and returns the outcome code (0 =
    /// accepted) and the events to append; <paramref name="conflict"/> is the code for a key reused by a
    /// different command.
    /// </summary>
    public async Task<WorkflowResult<TRejection>> StepAsync<TRejection>(
        string stream, string key, object command,
        Func<IReadOnlyList<object>, (TRejection, IReadOnlyList<object>)> decide, TRejection conflict,
        CancellationToken ct)
        where TRejection : struct, Enum
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        string fingerprint = WorkflowKeys.Fingerprint(command);
        return await WorkflowPipeline.Instance.ExecuteAsync(async token =>
        {
            await using IDocumentSession session = store.LightweightSession();
            IReadOnlyList<IEvent> events = await session.Events.FetchStreamAsync(stream, token: token);
            List<IEvent> earlier = events.Where(e => Header(e, WorkflowKeys.KeyHeader) == key).ToList();
            if (earlier.Count > 0)
            {
                if (Header(earlier[0], WorkflowKeys.FingerprintHeader) != fingerprint)
                {
                    return new WorkflowResult<TRejection>(conflict, false, events.Count, []);
                }

                int code = int.Parse(Header(earlier[0], WorkflowKeys.OutcomeHeader)!, CultureInfo.InvariantCulture);
                return new WorkflowResult<TRejection>(
                    (TRejection)Enum.ToObject(typeof(TRejection), code), true, events.Count,
                    earlier.Select(e => e.Data).ToList());
            }

            (TRejection rejection, IReadOnlyList<object> appended) = decide(events.Select(e => e.Data).ToList());
            if (appended.Count == 0)
            {
                return new WorkflowResult<TRejection>(rejection, false, events.Count, []);
            }

            string outcome = Convert.ToInt32(rejection, CultureInfo.InvariantCulture)
                .ToString(CultureInfo.InvariantCulture);
            object[] built = appended.Select(data =>
            {
                IEvent e = session.Events.BuildEvent(data);
                e.SetHeader(WorkflowKeys.KeyHeader, key);
                e.SetHeader(WorkflowKeys.FingerprintHeader, fingerprint);
                e.SetHeader(WorkflowKeys.OutcomeHeader, outcome);
                return (object)e;
            }).ToArray();
            session.Events.Append(stream, events.Count + built.Length, built);
            await session.SaveChangesAsync(token);
            return new WorkflowResult<TRejection>(rejection, false, events.Count + built.Length, appended);
        }, ct);
    }

    /// <summary>The stream ids that start with <paramref name="prefix"/>, in order.</summary>
    public async Task<IReadOnlyList<string>> StreamsAsync(string prefix, CancellationToken ct)
    {
        var ids = new List<string>();
#pragma warning disable CA2100 // the schema name comes from configuration, the prefix is a parameter
        await using NpgsqlCommand command = dataSource.CreateCommand(
            $"SELECT id FROM {store.Options.Events.DatabaseSchemaName}.mt_streams " +
            "WHERE starts_with(id, $1) ORDER BY id");
#pragma warning restore CA2100
        command.Parameters.AddWithValue(prefix);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static string? Header(IEvent e, string name) => e.GetHeader(name)?.ToString();
}
