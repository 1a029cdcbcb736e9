namespace CarbonLedger.Architecture.Tests;

/// <summary>Size conventions of the product source (src/**/*.cs, build output excluded).</summary>
public sealed class SourceConventionTests
{
    private const int MaxLinesExclusive = 500;
    private const int MaxColumns = 120;

    [Fact]
    public void SourceFiles_StayUnder500Lines()
    {
        var violations = SourceFiles()
            .Select(f => (File: f, Lines: File.ReadAllLines(f).Length))
            .Where(f => f.Lines >= MaxLinesExclusive)
            .Select(f => $"{Relative(f.File)}: {f.Lines} lines")
            .ToList();
        Assert.True(violations.Count == 0,
            $"files with {MaxLinesExclusive} lines or more:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Lines_StayWithin120Columns()
    {
        var violations = new List<string>();
        foreach (string file in SourceFiles())
        {
            string[] lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].Length > MaxColumns)
                {
                    violations.Add($"{Relative(file)}:{i + 1}: {lines[i].Length} columns");
                }
            }
        }

        Assert.True(violations.Count == 0,
            $"lines longer than {MaxColumns} columns:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void SourceFiles_AreFound()
    {
        Assert.Contains(SourceFiles(), f => f.EndsWith("LedgerRejection.cs", StringComparison.Ordinal));
    }

    private static List<string> SourceFiles()
    {
        string src = Path.Combine(RepositoryRoot(), "src");
        return Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(src, f).Split(Path.DirectorySeparatorChar)
                .Any(part => part is "obj" or "bin"))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string Relative(string file) => Path.GetRelativePath(RepositoryRoot(), file);

    /// <summary>The directory holding CarbonLedger.sln, found by walking up from the test binaries.</summary>
    private static string RepositoryRoot()
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
