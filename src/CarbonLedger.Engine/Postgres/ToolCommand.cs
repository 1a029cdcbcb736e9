namespace CarbonLedger.Engine.Postgres;

/// <summary>A program and its arguments, kept as a list so that no shell ever re-splits a path with spaces.</summary>
internal sealed record ToolCommand(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>Variables set for this program (and what it starts), over the runner's defaults.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public override string ToString() => string.Join(' ', Arguments.Prepend(FileName).Select(Quote));

    private static string Quote(string part) =>
        part.Length > 0 && part.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,@".Contains(c))
            ? part
            : ShellQuoting.Quote(part);
}
