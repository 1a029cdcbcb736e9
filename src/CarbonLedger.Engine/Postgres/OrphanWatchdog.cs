using System.Diagnostics;
using System.Globalization;

namespace CarbonLedger.Engine.Postgres;

/// <summary>
/// Stops our server if its owning .NET process dies without stopping it (SIGKILL, OOM killer, a crashed test
/// host): shutdown hooks never run then, and a postmaster would otherwise live forever. A tiny <c>sh</c> loop
/// polls the owner once a second; it runs in its own session (<c>setsid</c>) so that Ctrl-C or a kill of our
/// process group does not take it down with us.
/// </summary>
internal sealed class OrphanWatchdog
{
    private static readonly TimeSpan s_exitWait = TimeSpan.FromSeconds(10);

    private readonly Process _process;

    private OrphanWatchdog(Process process)
    {
        _process = process;
    }

    /// <summary>
    /// Watches <paramref name="ownerPid"/>. When it is gone, signals <paramref name="postmasterPid"/>, but only if
    /// <c>postmaster.pid</c> still names it, so that a server started later on the same folder is never hit.
    /// A temporary folder gets an immediate shutdown (SIGQUIT, like <c>pg_ctl stop -m immediate</c>) and is then
    /// deleted; a persistent one gets a fast shutdown (SIGINT) so that the next start needs no crash recovery.
    /// The loop also ends once the postmaster is gone, so a normally stopped server leaves no watchdog behind.
    /// </summary>
    public static OrphanWatchdog Start(int ownerPid, int postmasterPid, string dataDirectory, bool deleteFolder)
    {
        var owner = ownerPid.ToString(CultureInfo.InvariantCulture);
        var postmaster = postmasterPid.ToString(CultureInfo.InvariantCulture);
        var pidFile = ShellQuoting.Quote(ClusterFiles.PostmasterPid(dataDirectory));
        var signal = deleteFolder ? "QUIT" : "INT";
        var cleanup = deleteFolder
            ? "rm -rf -- " + ShellQuoting.Quote(dataDirectory) + " "
                + ShellQuoting.Quote(DataDirectoryLock.PathFor(dataDirectory))
            : ":";
        var script = string.Join('\n',
            "exec </dev/null >/dev/null 2>&1",
            // Running and not a zombie: kill -0 alone would see an unreaped zombie as alive forever.
            "alive() { s=$(sed -n 's/^.*) \\(.\\).*$/\\1/p' \"/proc/$1/stat\"); [ -n \"$s\" ] && [ \"$s\" != Z ]; }",
            $"while alive {owner} && alive {postmaster}; do sleep 1; done",
            $"if alive {owner}; then exit 0; fi",
            $"if [ \"$(head -n 1 {pidFile})\" = {postmaster} ]; then",
            $"  kill -{signal} {postmaster}",
            $"  while alive {postmaster}; do sleep 1; done",
            "fi",
            cleanup);

        var setsid = ExecutableSearch.OnPath("setsid");
        var start = new ProcessStartInfo(setsid ?? "/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        if (setsid is not null)
        {
            start.ArgumentList.Add("/bin/sh");
        }

        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);

        var process = Process.Start(start)
            ?? throw new PostgresStartFailedException("Could not start the orphan watchdog (/bin/sh).");
        // The script reattaches its stdio to /dev/null first thing; closing our ends means the watchdog never
        // holds a pipe that a caller (dotnet test | tee) waits on.
        process.StandardInput.Close();
        process.StandardOutput.Close();
        process.StandardError.Close();
        return new OrphanWatchdog(process);
    }

    /// <summary>Ends the watchdog after a normal stop; the owner is alive, so it has nothing left to guard.</summary>
    public async Task StopAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var bounded = new CancellationTokenSource(s_exitWait);
            await _process.WaitForExitAsync(bounded.Token);
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill: fine, that is what we wanted.
        }
        finally
        {
            _process.Dispose();
        }
    }
}
