using CarbonLedger.Domain.Compliance;
using CarbonLedger.Engine;
using CarbonLedger.Engine.Simulation;
using CarbonLedger.Engine.Workflows;
using CarbonLedger.Engine.Journal;
using CarbonLedger.Engine.Postgres;
using Spectre.Console;

namespace CarbonLedger.Cli;

/// <summary>Runs a subcommand's body inside a session and maps failures to exit codes and one clear message.</summary>
internal static class CommandRunner
{
    public const int Ok = 0;
    public const int MalformedArguments = 1;
    public const int Refused = 2;
    public const int InfrastructureFailed = 3;

    public static Task<int> RunAsync(string schema, Func<LedgerSession, Task<int>> body, CancellationToken ct) =>
        GuardAsync(async () =>
        {
            await using LedgerSession session = await LedgerSession.OpenAsync(schema, ct);
            return await body(session);
        });

    /// <summary>Runs with the engine and the MRV and compliance workflows of the schema (default rule book).</summary>
    public static Task<int> RunWithWorkflowsAsync(string schema, Func<LedgerSession, LedgerWorkflows, Task<int>> body,
        CancellationToken ct) =>
        RunAsync(schema, async session =>
        {
            await using LedgerWorkflows workflows = await LedgerWorkflows.OpenAsync(session.Engine,
                session.Database.ConnectionString, schema, ComplianceRules(), NodaTime.SystemClock.Instance, ct);
            return await body(session, workflows);
        }, ct);

    /// <summary>The rule book the CLI uses: the defaults, with the simulation's covered project.</summary>
    public static ComplianceRuleBook ComplianceRules() => DefaultComplianceRules.Create() with
    {
        CoveredProjects = [ComplianceSimulation.CoveredProject],
    };

    /// <summary>Runs against the journal alone, without starting the engine (which refuses a broken chain).</summary>
    public static Task<int> RunOnJournalAsync(string schema, Func<LedgerJournal, Task<int>> body,
        CancellationToken ct) => RunOnJournalAsync(schema, (journal, _) => body(journal), ct);

    /// <summary>As above; the body also gets the connection string (to open the workflow records read-only).</summary>
    public static Task<int> RunOnJournalAsync(string schema, Func<LedgerJournal, string, Task<int>> body,
        CancellationToken ct) =>
        GuardAsync(async () =>
        {
            await using LedgerDatabase database = await LedgerDatabase.OpenAsync(new LedgerDatabaseOptions(), ct);
            await using LedgerJournal journal =
                await LedgerJournal.OpenAsync(database.ConnectionString, schema, "main", ct);
            return await body(journal, database.ConnectionString);
        });

    /// <summary>Runs <paramref name="body"/>, mapping known failures to exit codes and one message.</summary>
    public static async Task<int> GuardAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (PostgresBinariesNotFoundException e)
        {
            return Fail(e.Message, InfrastructureFailed);
        }
        catch (JournalIntegrityException e)
        {
            return Fail($"the journal failed its integrity check: {e.Message}", Refused);
        }
        catch (Npgsql.NpgsqlException e)
        {
            return Fail($"PostgreSQL error: {e.Message}", InfrastructureFailed);
        }
        catch (JournalAppendException e)
        {
            return Fail($"the command could not be journaled and was not applied: {e.Message}", InfrastructureFailed);
        }
        catch (Domain.Invariants.LedgerInvariantException e)
        {
            return Fail($"a ledger invariant failed (conservation or holds): {e.Message}", Refused);
        }
    }

    private static int Fail(string message, int code)
    {
        AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
        return code;
    }
}
