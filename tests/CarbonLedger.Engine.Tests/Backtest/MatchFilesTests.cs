using CarbonLedger.Domain.Trading;
using CarbonLedger.Engine.Backtest;

namespace CarbonLedger.Engine.Tests.Backtest;

/// <summary>The file side of <c>match</c>: determinism, the sample file, atomic output, failures.</summary>
public sealed class MatchFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("carbonledger-match-").FullName;

    private static string Sample => Path.Combine(MatchCsv.RepositoryRoot(), "docs", "examples", "match-orders.csv");

    [Fact]
    public void Run_SameInputTwice_WritesIdenticalBytes()
    {
        string first = Path.Combine(_folder, "first.csv");
        string second = Path.Combine(_folder, "second.csv");
        MatchSummary a = MatchFiles.Run(Sample, first, TextWriter.Null);
        MatchSummary b = MatchFiles.Run(Sample, second, TextWriter.Null);
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        Assert.Equal(a.Format(), b.Format());
        Assert.Equal(["first.csv", "second.csv"], Directory.GetFiles(_folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Run_SampleFile_ProducesTheDocumentedMorning()
    {
        string output = Path.Combine(_folder, "out.csv");
        var errors = new StringWriter();
        MatchSummary summary = MatchFiles.Run(Sample, output, errors);
        Assert.Equal(21, summary.Rows);
        Assert.Equal(18, summary.Commands);
        Assert.Equal(6, summary.Fills);
        Assert.Equal(1, summary.Malformed);
        Assert.Equal(
            new Dictionary<OrderRejection, long>
            {
                [OrderRejection.UnknownInstrument] = 1,
                [OrderRejection.OutsideSession] = 1,
                [OrderRejection.QuantityNotLotMultiple] = 1,
                [OrderRejection.PriceOffTick] = 1,
            },
            summary.Rejections);
        Assert.Equal(1, Assert.Single(summary.Books).Resting);
        Assert.Equal("line 40: column 'side': 'X' is not B (buy) or S (sell)\n", errors.ToString());
        string text = File.ReadAllText(output);
        Assert.StartsWith(BookEventCsvWriter.Header + "\n", text, StringComparison.Ordinal);
        Assert.Contains("\n21,limit,CEA-2024,cancelled,2004,24,B,81.00,2000.000000,,,,,,,FillOrKill,,\n", text,
            StringComparison.Ordinal);
        Assert.Contains("\n43,close_day,CEA-2024,cancelled,2002,22,B,80.10,300.000000,,,,,,,Expired,,\n", text,
            StringComparison.Ordinal);
        Assert.DoesNotContain('\r', text);
    }

    [Fact]
    public void Run_ExistingOutput_IsReplaced()
    {
        string output = Path.Combine(_folder, "out.csv");
        File.WriteAllText(output, "an older and longer output " + new string('x', 9000));
        string input = Write("in.csv", MatchCsv.Text("close_day,,CEA-2024,,,,,,,"));
        MatchFiles.Run(input, output, TextWriter.Null);
        Assert.StartsWith(BookEventCsvWriter.Header + "\n2,close_day,,malformed,", File.ReadAllText(output),
            StringComparison.Ordinal);
        Assert.Equal(["in.csv", "out.csv"], Directory.GetFiles(_folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Run_MissingInput_FailsAsUsageAndCreatesNoOutput()
    {
        string output = Path.Combine(_folder, "out.csv");
        var e = Assert.Throws<MatchFileException>(() =>
            MatchFiles.Run(Path.Combine(_folder, "missing.csv"), output, TextWriter.Null));
        Assert.Equal(MatchFailure.Usage, e.Failure);
        Assert.EndsWith("missing.csv: the file does not exist", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void Run_MissingOutputFolder_FailsAsUsage()
    {
        string input = Write("in.csv", MatchCsv.Text());
        var e = Assert.Throws<MatchFileException>(() =>
            MatchFiles.Run(input, Path.Combine(_folder, "no-such-folder", "out.csv"), TextWriter.Null));
        Assert.Equal(MatchFailure.Usage, e.Failure);
        Assert.EndsWith("out.csv: the folder does not exist", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "out.csv", "--orders needs a file name")]
    [InlineData("in.csv", " ", "--out needs a file name")]
    public void Run_EmptyPath_FailsAsUsage(string orders, string output, string message)
    {
        var e = Assert.Throws<MatchFileException>(() => MatchFiles.Run(orders, output, TextWriter.Null));
        Assert.Equal(MatchFailure.Usage, e.Failure);
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Run_OutputSameAsInput_FailsAsUsageAndKeepsTheInput()
    {
        string input = Write("in.csv", MatchCsv.Text());
        var e = Assert.Throws<MatchFileException>(() => MatchFiles.Run(input, input, TextWriter.Null));
        Assert.Equal(MatchFailure.Usage, e.Failure);
        Assert.Equal(MatchCsv.Text(), File.ReadAllText(input));
    }

    [Fact]
    public void Run_BadHeader_FailsAsInvalidInputAndLeavesTheOldOutputAlone()
    {
        string input = Write("in.csv", "kind,when\nlimit,now\n");
        string output = Write("out.csv", "previous run\n");
        var e = Assert.Throws<MatchFileException>(() => MatchFiles.Run(input, output, TextWriter.Null));
        Assert.Equal(MatchFailure.InvalidInput, e.Failure);
        Assert.Contains("the header names an unknown column 'when'", e.Message, StringComparison.Ordinal);
        Assert.Equal("previous run\n", File.ReadAllText(output));
        Assert.Equal(["in.csv", "out.csv"], Directory.GetFiles(_folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Run_InvalidUtf8_FailsAsInvalidInputWithNoOutput()
    {
        string input = Path.Combine(_folder, "in.csv");
        File.WriteAllBytes(input, [.. System.Text.Encoding.UTF8.GetBytes(MatchCsv.Text()), 0x6C, 0xFF, 0x0A]);
        var e = Assert.Throws<MatchFileException>(() =>
            MatchFiles.Run(input, Path.Combine(_folder, "out.csv"), TextWriter.Null));
        Assert.Equal(MatchFailure.InvalidInput, e.Failure);
        Assert.Contains("is not valid UTF-8", e.Message, StringComparison.Ordinal);
        Assert.Equal(["in.csv"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
