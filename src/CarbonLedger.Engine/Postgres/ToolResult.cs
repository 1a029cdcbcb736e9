namespace CarbonLedger.Engine.Postgres;

/// <summary>How a finished command ended: its exit code and everything it printed (stdout, then stderr).</summary>
internal sealed record ToolResult(ToolCommand Command, int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Throws unless the command exited with 0; <paramref name="what"/> says what we were doing.</summary>
    public ToolResult EnsureSuccess(string what) =>
        Succeeded
            ? this
            : throw new PostgresCommandFailedException(
                $"{what} failed: `{Command}` exited with {ExitCode}: {Output.Trim()}");
}
