using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CarbonLedger.Engine;
using CarbonLedger.Engine.Journal;
using CarbonLedger.Engine.ReadModels;
using Spectre.Console;

namespace CarbonLedger.Cli.Commands;

/// <summary>
/// <c>carbonledger audit verify [--from N] [--to M] [--against FILE]</c>: walks the journal's hash chain; exit 2 at
/// the first broken link, or when the chain no longer matches a published checkpoint.
/// <c>carbonledger audit checkpoint --out FILE</c>: exports the verified chain head (sequence and hash) to publish.
/// </summary>
internal static class AuditCommand
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var from = new Option<long>("--from")
        {
            Description = "first ledger sequence to check", DefaultValueFactory = _ => 1,
        };
        var to = new Option<long?>("--to") { Description = "last ledger sequence to check (default: the end)" };
        var against = new Option<FileInfo?>("--against") { Description = "a checkpoint exported earlier" };
        from.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<long>() < 1)
            {
                r.AddError("--from must be 1 or more");
            }
        });
        var verify = new Command("verify", "Verify the journal's SHA-256 hash chain and report the first broken link")
        {
            from, to, against,
        };
        verify.SetAction((parse, ct) => CommandRunner.RunOnJournalAsync(parse.GetValue(CliOptions.Schema)!,
            async journal => await VerifyAsync(journal, parse.GetValue(from), parse.GetValue(to),
                parse.GetValue(against), ct), ct));

        var output = new Option<FileInfo>("--out") { Description = "file to write the checkpoint to", Required = true };
        var checkpoint = new Command("checkpoint", "Export the verified chain head (sequence and hash) to publish")
        {
            output,
        };
        checkpoint.SetAction((parse, ct) => CommandRunner.RunOnJournalAsync(parse.GetValue(CliOptions.Schema)!,
            async journal => await ExportAsync(journal, parse.GetValue(CliOptions.Schema)!, parse.GetValue(output)!,
                ct), ct));
        var rebuild = new Command("rebuild-diff",
            "Rebuild every read model from the journal into a fresh schema and diff it with the live one");
        rebuild.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(CliOptions.Schema)!,
            async session => await RebuildDiffAsync(session, parse.GetValue(CliOptions.Schema)!, ct), ct));
        return new Command("audit", "Regulator's audit tools")
        {
            verify, checkpoint, rebuild, CreateExport(), WhatIfCommand.Create(), SummaryCommand.Create(),
        };
    }

    /// <summary>A published chain head: the ledger sequence and the hash of the event there.</summary>
    internal sealed record ChainCheckpoint(string Schema, long Sequence, string Hash, string ExportedAtUtc);

    public static int Print(JournalVerifier.Report report)
    {
        if (report.IsIntact)
        {
            AnsiConsole.MarkupLine(
                $"[green]hash chain intact[/]: {report.EventsChecked} events, head {report.ChainHead}");
            return CommandRunner.Ok;
        }

        AnsiConsole.MarkupLine(
            $"[red]hash chain broken[/] at ledger sequence {report.BrokenAtSequence} " +
            $"(store sequence {report.BrokenAtStoreSequence}): {Markup.Escape(report.Problem ?? "")}");
        return CommandRunner.Refused;
    }

    private static async Task<int> VerifyAsync(LedgerJournal journal, long from, long? to, FileInfo? against,
        CancellationToken ct)
    {
        if (to is { } last && last < from)
        {
            return Error($"--to {last} is before --from {from}", CommandRunner.MalformedArguments);
        }

        ChainCheckpoint? published = null;
        if (against is not null)
        {
            if (!against.Exists)
            {
                return Error($"{against.FullName} does not exist", CommandRunner.MalformedArguments);
            }

            try
            {
                string text = await File.ReadAllTextAsync(against.FullName, ct);
                published = JsonSerializer.Deserialize<ChainCheckpoint>(text);
            }
            catch (JsonException e)
            {
                return Error($"{against.FullName} is not a checkpoint: {e.Message}", CommandRunner.MalformedArguments);
            }

            if (published is null || string.IsNullOrEmpty(published.Hash) || published.Sequence < 1)
            {
                return Error($"{against.FullName} is not a checkpoint (no sequence and hash)",
                    CommandRunner.MalformedArguments);
            }
        }

        JournalVerifier.Report report = await JournalVerifier.VerifyAsync(journal, from, to, ct);
        if (report.IsIntact && report.EventsChecked == 0 && (from > 1 || to is not null))
        {
            return Error($"no events in the range {from}..{(to?.ToString(CultureInfo.InvariantCulture) ?? "end")}: " +
                "the journal is shorter", CommandRunner.MalformedArguments);
        }

        int code = Print(report);
        if (code != CommandRunner.Ok || published is null)
        {
            return code;
        }

        string? hash = await JournalVerifier.HashAtAsync(journal, published.Sequence, ct);
        if (hash == published.Hash)
        {
            AnsiConsole.MarkupLine($"[green]matches the published checkpoint[/] at sequence {published.Sequence}");
            return CommandRunner.Ok;
        }

        AnsiConsole.MarkupLine(hash is null
            ? $"[red]the journal no longer reaches the published checkpoint[/] at sequence {published.Sequence}"
            : $"[red]the event at sequence {published.Sequence} no longer has the published hash[/] " +
              $"{published.Hash[..12]}… (now {hash[..12]}…): history before it was rewritten");
        return CommandRunner.Refused;
    }

    private static async Task<int> ExportAsync(LedgerJournal journal, string schema, FileInfo output,
        CancellationToken ct)
    {
        JournalVerifier.Report report = await JournalVerifier.VerifyAsync(journal, ct);
        if (Print(report) != CommandRunner.Ok)
        {
            return CommandRunner.Refused;
        }

        if (report.EventsChecked == 0)
        {
            return Error("the journal is empty: there is no head to publish", CommandRunner.Refused);
        }

        var checkpoint = new ChainCheckpoint(schema, report.EventsChecked, report.ChainHead,
            NodaTime.SystemClock.Instance.GetCurrentInstant().ToString());
        string temporary = output.FullName + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(checkpoint, s_indented), ct);
        File.Move(temporary, output.FullName, overwrite: true);
        AnsiConsole.MarkupLine($"checkpoint of sequence {checkpoint.Sequence} written to " +
            $"[blue]{Markup.Escape(output.FullName)}[/]: publish it, and later run audit verify --against it");
        return CommandRunner.Ok;
    }

    /// <summary>Rebuilt equals live, or the rows that differ (exit 2): read models are derived data.</summary>
    private static async Task<int> RebuildDiffAsync(LedgerSession session, string schema, CancellationToken ct)
    {
        await session.Engine.ReadModelsCurrentAsync(ct);
        string rebuilt = schema + "_rebuild";
        long events = await ReadModelRebuilder.RebuildAsync(session.Engine.Journal, rebuilt,
            Domain.Registry.LedgerLimits.Default, Domain.Rules.DefaultRuleBook.Create(), ct);
        IReadOnlyList<string> diff = await ReadModelRebuilder.DiffAsync(session.Engine.Journal.DataSource, schema,
            rebuilt, ct);
        if (diff.Count == 0)
        {
            AnsiConsole.MarkupLine($"[green]rebuilt equals live[/]: {events:N0} events replayed into {rebuilt}, " +
                $"{ReadModelSchema.Tables.Count} read-model tables compared, no difference");
            return CommandRunner.Ok;
        }

        AnsiConsole.MarkupLine($"[red]rebuilt differs from live[/] ({diff.Count} rows, first 20 per table):");
        foreach (string line in diff)
        {
            AnsiConsole.WriteLine(line);
        }

        return CommandRunner.Refused;
    }

    private static Command CreateExport()
    {
        var format = new Option<string>("--format")
        {
            Description = "ndjson or csv", DefaultValueFactory = _ => "ndjson",
        };
        format.AcceptOnlyFromAmong("ndjson", "csv");
        var output = new Option<FileInfo>("--out") { Description = "the file to write", Required = true };
        var from = new Option<long>("--from") { Description = "first ledger sequence", DefaultValueFactory = _ => 1 };
        var to = new Option<long?>("--to") { Description = "last ledger sequence (default: the end)" };
        var account = new Option<string?>("--account") { Description = "only events that name this account" };
        var export = new Command("export", "Export the journal (or a range, or one account's events) as NDJSON or CSV")
        {
            format, output, from, to, account,
        };
        export.SetAction((parse, ct) => CommandRunner.RunOnJournalAsync(parse.GetValue(CliOptions.Schema)!,
            async journal =>
            {
                FileInfo file = parse.GetValue(output)!;
                long first = parse.GetValue(from);
                long? last = parse.GetValue(to);
                string? only = parse.GetValue(account);
                if (file.Directory is not { Exists: true })
                {
                    return Error($"cannot write {file.FullName}: its folder does not exist",
                        CommandRunner.MalformedArguments);
                }

                if (first < 1 || (last is { } l && l < first))
                {
                    return Error($"the range {first}..{last} is empty or invalid", CommandRunner.MalformedArguments);
                }

                if (only is not null && !await AccountExistsAsync(journal, only, ct))
                {
                    return Error($"account {only} does not exist", CommandRunner.Refused);
                }

                long written = await JournalExport.WriteAsync(journal, file.FullName,
                    parse.GetValue(format) == "csv", first, last, only, ct);
                if (written == 0 && only is null)
                {
                    File.Delete(file.FullName);
                    return Error($"no events from {first}: the journal is shorter", CommandRunner.MalformedArguments);
                }

                AnsiConsole.MarkupLine($"{written:N0} events written to [blue]{Markup.Escape(file.FullName)}[/]");
                return CommandRunner.Ok;
            }, ct));
        return export;
    }

    private static async Task<bool> AccountExistsAsync(LedgerJournal journal, string account, CancellationToken ct)
    {
#pragma warning disable CA2100 // schema name from configuration; the account is a parameter
        await using Npgsql.NpgsqlCommand command = journal.DataSource.CreateCommand(
            $"SELECT 1 FROM {journal.Schema}.rm_accounts WHERE account = $1");
#pragma warning restore CA2100
        command.Parameters.AddWithValue(account);
        return await command.ExecuteScalarAsync(ct) is not null;
    }

    private static int Error(string message, int code)
    {
        AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
        return code;
    }
}
