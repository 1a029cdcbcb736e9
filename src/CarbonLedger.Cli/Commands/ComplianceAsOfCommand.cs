using System.Globalization;
using CarbonLedger.Domain.Compliance;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Engine.Journal;
using CarbonLedger.Engine.Workflows;
using NodaTime;
using Spectre.Console;

namespace CarbonLedger.Cli.Commands;

/// <summary>
/// <c>carbonledger asof --at ISO --enterprise E [--year Y]</c>: the enterprise's compliance year as it stood at
/// the instant, folded from its report, allocation and compliance records up to then, with what its obligation
/// account held then (from a replay of the journal up to the same instant).
/// </summary>
internal static class ComplianceAsOfCommand
{
    private static readonly DateTimeZone s_zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    public static async Task<int> RunAsync(LedgerJournal journal, string connectionString, string enterprise,
        int? year, Instant at, CancellationToken ct)
    {
        await using ComplianceHistory history = await ComplianceHistory.OpenAsync(connectionString, journal.Schema, ct);
        IReadOnlyList<int> years = await history.YearsAsync(enterprise, ct);
        if (years.Count == 0)
        {
            return Error($"unknown enterprise {enterprise}: no emission report, allocation or compliance record",
                CommandRunner.Refused);
        }

        int y = year ?? years[^1];
        if (!years.Contains(y))
        {
            return Error($"enterprise {enterprise} has no record for {y} (it has " +
                $"{string.Join(", ", years.Select(v => v.ToString(CultureInfo.InvariantCulture)))})",
                CommandRunner.Refused);
        }

        ComplianceAsOf asOf = (await history.AsOfAsync(enterprise, y, at, ct))!;
        if (at < asOf.FirstEventAt)
        {
            return Error($"{Local(at)} is before the first event of {enterprise}'s {y} records " +
                $"({Local(asOf.FirstEventAt)})", CommandRunner.MalformedArguments);
        }

        Show(asOf, at);
        if (asOf.Obligation is { } obligation)
        {
            await ShowHoldingsAsync(journal, obligation, at, ct);
        }

        return CommandRunner.Ok;
    }

    private static void Show(ComplianceAsOf asOf, Instant at)
    {
        ComplianceStatus s = asOf.Status;
        string last = asOf.LastFoldedAt is { } l ? Local(l) : "-";
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(s.Enterprise)}[/], compliance year {s.Year}, as of " +
            $"[bold]{Local(at)}[/] ({asOf.EventsFolded} workflow events folded, the last at {last})");
        var table = new Table().Border(TableBorder.Rounded).AddColumns("", "then");
        table.Columns[1].RightAligned();
        table.AddRow("status", s.State);
        table.AddRow("report", s.ReportStatus.ToString());
        table.AddRow("submitted t", Tonnes(s.SubmittedTonnes));
        table.AddRow("verified t", Tonnes(s.VerifiedTonnes));
        table.AddRow("confirmed t", Tonnes(s.ConfirmedTonnes));
        table.AddRow("pre-allocation t", Tonnes(s.PreAllocatedTonnes));
        table.AddRow("true-up t", Tonnes(s.TrueUpTonnes));
        table.AddRow("exemption top-up t", Tonnes(s.ExemptionTopUpTonnes));
        table.AddRow("clawed back t", Tonnes(s.ClawedBackTonnes));
        table.AddRow("obligation t", Tonnes(s.ObligationTonnes));
        table.AddRow("offset cap t", Tonnes(s.OffsetCapTonnes));
        table.AddRow("allowances surrendered t", Tonnes(s.AllowancesSurrenderedTonnes));
        table.AddRow("CCER surrendered t", Tonnes(s.CcerSurrenderedTonnes));
        table.AddRow("SHCER surrendered t", Tonnes(s.ShcerSurrenderedTonnes));
        table.AddRow("in flight t", Tonnes(s.PendingTonnes));
        table.AddRow("open t", Tonnes(s.OpenTonnes));
        table.AddRow("deadline", s.Deadline is { } d ? d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            : "-");
        table.AddRow("shortfall t", Tonnes(s.ShortfallTonnes));
        table.AddRow("penalty CNY", s.PenaltyFen is { } p ? Yuan(p) : "-");
        table.AddRow("next-year deduction t", Tonnes(s.DeductionTonnes));
        AnsiConsole.Write(table);
    }

    /// <summary>What the obligation's account held then, of what the year's rules let it surrender.</summary>
    private static async Task ShowHoldingsAsync(LedgerJournal journal, ObligationSet obligation, Instant at,
        CancellationToken ct)
    {
        ComplianceRules rules = CommandRunner.ComplianceRules().Years[obligation.Year];
        (Ledger ledger, long sequence) = await AsOfReplay.ReplayAsync(journal, null, at, LedgerLimits.Default,
            Domain.Rules.DefaultRuleBook.Create(), ct);
        long allowances = 0;
        long offsets = 0;
        foreach (PositionInfo p in ledger.AllPositions().Where(p => p.Account == obligation.Account))
        {
            long tonnes = p.Position.Available.Grams / Co2e.GramsPerTonne;
            allowances += rules.IsEligibleAllowance(p.Instrument) ? tonnes : 0;
            offsets += rules.IsOffsetProgramme(p.Instrument.Programme) ? tonnes : 0;
        }

        AnsiConsole.MarkupLine($"account {Markup.Escape(obligation.Account.Value)} held then (ledger sequence " +
            $"{sequence}): {allowances:N0} t eligible allowances and {offsets:N0} t offsets available");
    }

    private static string Tonnes(long? tonnes) => tonnes is { } t ? $"{t:N0}" : "-";

    private static string Yuan(long fen) =>
        string.Create(CultureInfo.InvariantCulture, $"{fen / Money.FenPerYuan:N0}.{fen % Money.FenPerYuan:D2}");

    private static string Local(Instant at) =>
        NodaTime.Text.OffsetDateTimePattern.ExtendedIso.Format(at.InZone(s_zone).ToOffsetDateTime());

    private static int Error(string message, int code)
    {
        AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
        return code;
    }
}
