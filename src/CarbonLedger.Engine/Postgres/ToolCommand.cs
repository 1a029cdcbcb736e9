namespace CarbonLedger.Engine.Postgres;

/// <summary>A program and its arguments, kept as a list so that no shell ever re-splits a path with spaces.</summary>
internal sealed record ToolCommand(string FileName, IReadOnlyList<string> Arguments)
{
    public override string ToString() => string.Join(' ', Arguments.Prepend(FileName).Select(Quote));

    private static string Quote(string part) =>
        part.Length > 0 && part.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,@".Contains(c))
            ? part
            : ShellQuoting.Quote(part);
}
