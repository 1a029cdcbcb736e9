namespace CarbonLedger.Engine.Postgres;

/// <summary>
/// POSIX shell quoting. Two places hand text to <c>/bin/sh</c>: <c>pg_ctl -o</c> (pg_ctl pastes the options
/// into a shell command) and the watchdog script. Single quotes make every character literal.
/// </summary>
internal static class ShellQuoting
{
    public static string Quote(string value) => "'" + value.Replace("'", "'\\''") + "'";
}
