using System.CommandLine;
using System.Net;
using System.Text;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Engine.Journal;
using Spectre.Console;

namespace CarbonLedger.Cli.Commands;

/// <summary>
/// <c>carbonledger certificate --id RC-… [--out FILE]</c>: a retirement certificate (voluntary neutralisation,
/// e.g. SHCER retired for an event) checked against the ledger: the journal's hash chain through the retirement
/// and the serial blocks in the retirement sink today. Printed, and written as HTML (default <c>RC-….html</c>).
/// </summary>
internal static class CertificateCommand
{
    public static Command Create()
    {
        var id = new Option<string>("--id") { Description = "certificate id, e.g. RC-000000000010", Required = true };
        var output = new Option<FileInfo?>("--out") { Description = "HTML file to write (default <id>.html)" };
        var command = new Command("certificate", "Show and check a retirement certificate; write it as HTML")
        {
            id, output,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(CliOptions.Schema)!, async session =>
        {
            string certificateId = parse.GetValue(id)!;
            RetirementLookup.Checked? found = await RetirementLookup.FindAsync(session.Engine, certificateId, ct);
            if (found is null)
            {
                AnsiConsole.MarkupLine(
                    $"[red]error:[/] no retirement with certificate id {Markup.Escape(certificateId)}");
                return CommandRunner.Refused;
            }

            Render.Certificate(found.Certificate);
            bool ok = found.ChainIntact && found.SerialsRetired;
            AnsiConsole.MarkupLine((ok ? "[green]✓ checked against the ledger:[/] " : "[red]✗ check failed:[/] ") +
                Markup.Escape(found.Detail));
            FileInfo file = parse.GetValue(output) ?? new FileInfo(certificateId + ".html");
            await File.WriteAllTextAsync(file.FullName, Html(found), ct);
            AnsiConsole.MarkupLine($"written [blue]{Markup.Escape(file.FullName)}[/]");
            return ok ? CommandRunner.Ok : CommandRunner.Refused;
        }, ct));
        return command;
    }

    private static string Html(RetirementLookup.Checked found)
    {
        RetirementCertificate c = found.Certificate;
        static string E(string text) => WebUtility.HtmlEncode(text);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append($"<title>Retirement certificate {E(c.CertificateId)}</title></head><body>\n")
            .Append($"<h1>Retirement certificate {E(c.CertificateId)}</h1>\n<table>\n");
        void Row(string name, string value) => html.Append($"<tr><th>{E(name)}</th><td>{E(value)}</td></tr>\n");
        Row("beneficiary", c.Beneficiary);
        Row("purpose", c.Purpose);
        Row("event", c.Event ?? "(none)");
        Row("period", $"{c.PeriodStart:uuuu-MM-dd} to {c.PeriodEnd:uuuu-MM-dd}");
        Row("instrument", c.Instrument.ToString());
        Row("quantity", Render.Tonnes(c.Quantity));
        Row("serial blocks", c.Serials.Count == 0 ? "(fungible allowances)" : string.Join(", ", c.Serials));
        Row("retired from", c.Account.Value);
        Row("retired at (UTC)", c.RetiredAt.ToString());
        Row("ledger sequence", c.LedgerSequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Row("event hash", found.EventHash);
        string verdict = found.ChainIntact && found.SerialsRetired ? "yes: " : "NO: ";
        Row("checked against the ledger", verdict + found.Detail);
        html.Append("</table>\n<p>Check it yourself: <code>carbonledger certificate --id ")
            .Append(E(c.CertificateId)).Append("</code> (or <code>audit verify</code> for the whole chain).</p>\n")
            .Append("</body></html>\n");
        return html.ToString();
    }
}
