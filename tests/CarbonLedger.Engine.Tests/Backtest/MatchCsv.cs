using CarbonLedger.Domain.Rules;
using CarbonLedger.Engine.Backtest;

namespace CarbonLedger.Engine.Tests.Backtest;

/// <summary>Builds order CSV text and runs it in memory, for the backtest tests.</summary>
internal static class MatchCsv
{
    /// <summary>The header, then <paramref name="rows"/>, one per line (so row i is on line i + 2).</summary>
    public static string Text(params string[] rows) => string.Join('\n', [OrderCsvColumns.Header, .. rows]) + "\n";

    /// <summary>The rows of <paramref name="csv"/> as read under the default rule book's zone.</summary>
    public static List<OrderCsvRow> Read(string csv) =>
        new OrderCsvReader(DefaultRuleBook.Shanghai).Read(new StringReader(csv)).ToList();

    /// <summary>The single row of a CSV with the header and one data row.</summary>
    public static OrderCsvRow ReadOne(string row) => Assert.Single(Read(Text(row)));

    /// <summary>Runs <paramref name="csv"/>; returns the output lines without the header, stderr and summary.</summary>
    public static Result Run(string csv, RuleBook? rules = null)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        MatchSummary summary = MatchRun.Run(new StringReader(csv), output, errors, rules);
        string[] lines = output.ToString().Split('\n');
        Assert.Equal(BookEventCsvWriter.Header, lines[0]);
        Assert.Equal("", lines[^1]); // every line, the last included, ends in \n
        return new Result([.. lines[1..^1]], errors.ToString(), summary, output.ToString());
    }

    /// <summary>What a run wrote.</summary>
    public sealed record Result(IReadOnlyList<string> Lines, string Errors, MatchSummary Summary, string Output);

    /// <summary>The repository root (the folder holding CarbonLedger.sln), found above the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CarbonLedger.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CarbonLedger.sln not found above " + AppContext.BaseDirectory);
    }
}
