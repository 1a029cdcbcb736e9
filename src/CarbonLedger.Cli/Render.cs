using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Engine.ReadModels;
using Spectre.Console;

namespace CarbonLedger.Cli;

/// <summary>Terminal rendering of read models (tonnes with grams precision, right-aligned).</summary>
internal static class Render
{
    public static string Tonnes(Co2e quantity) => quantity.IsWholeTonnes
        ? $"{quantity.WholeTonnes:N0} t"
        : quantity.ToString();

    public static void Balances(IReadOnlyList<ReadModelQueries.BalanceRow> rows, string title)
    {
        var table = new Table().Title(title).Border(TableBorder.Rounded);
        table.AddColumns("account", "instrument", "available", "locked", "unsettled", "frozen", "pledged");
        for (int column = 2; column < 7; column++)
        {
            table.Columns[column].RightAligned();
        }

        foreach (ReadModelQueries.BalanceRow r in rows)
        {
            table.AddRow(Markup.Escape(r.Account.Value), r.Instrument.ToString(), Tonnes(r.Position.Available),
                Tonnes(r.Position.Locked), Tonnes(r.Position.Unsettled), Tonnes(r.Position.Frozen),
                Tonnes(r.Position.Pledged));
        }

        AnsiConsole.Write(table);
    }

    public static void Statement(IReadOnlyList<StatementLine> lines, string title)
    {
        var table = new Table().Title(title).Border(TableBorder.Rounded);
        table.AddColumns("seq", "at (UTC)", "event", "instrument", "bucket", "change", "counterparty", "reference");
        table.Columns[5].RightAligned();
        foreach (StatementLine l in lines)
        {
            string change = l.Delta.Grams >= 0 ? "+" + Tonnes(l.Delta) : "-" + Tonnes(new Co2e(-l.Delta.Grams));
            table.AddRow(l.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
                l.At.ToString("uuuu-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                l.EventType, l.Instrument.ToString(), l.Bucket.ToString(), change,
                Markup.Escape(l.Counterparty ?? ""), Markup.Escape(l.Reference ?? ""));
        }

        AnsiConsole.Write(table);
    }

    public static void Certificate(RetirementCertificate c)
    {
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("certificate", c.CertificateId);
        grid.AddRow("ledger sequence", c.LedgerSequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        grid.AddRow("retired at", c.RetiredAt.ToString());
        grid.AddRow("account", Markup.Escape(c.Account.Value));
        grid.AddRow("units", $"{Tonnes(c.Quantity)} of {c.Instrument}");
        grid.AddRow("serials", string.Join(", ", c.Serials.Select(s => s.ToString())));
        grid.AddRow("beneficiary", Markup.Escape(c.Beneficiary));
        grid.AddRow("purpose", Markup.Escape(c.Purpose));
        if (c.Event is not null)
        {
            grid.AddRow("event", Markup.Escape(c.Event));
        }

        grid.AddRow("period", $"{c.PeriodStart:uuuu-MM-dd} – {c.PeriodEnd:uuuu-MM-dd}");
        AnsiConsole.Write(new Panel(grid).Header("Retirement certificate").Border(BoxBorder.Double));
    }
}
