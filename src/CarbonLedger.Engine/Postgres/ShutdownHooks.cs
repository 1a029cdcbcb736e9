using System.Runtime.InteropServices;

namespace CarbonLedger.Engine.Postgres;

/// <summary>
/// Stops the embedded server when the process ends normally (ProcessExit), on Ctrl-C (SIGINT), on SIGTERM
/// (docker stop, systemd, kill) and when the terminal closes (SIGHUP). The handlers block until the server has
/// stopped, then let the default action proceed, so Ctrl-C still ends the CLI. SIGKILL cannot be caught:
/// that case is the <see cref="OrphanWatchdog"/>'s.
/// </summary>
internal sealed class ShutdownHooks : IDisposable
{
    private readonly Func<Task> _stop;
    private readonly List<PosixSignalRegistration> _signals = [];

    private ShutdownHooks(Func<Task> stop)
    {
        _stop = stop;
    }

    public static ShutdownHooks Register(Func<Task> stop)
    {
        var hooks = new ShutdownHooks(stop);
        AppDomain.CurrentDomain.ProcessExit += hooks.OnProcessExit;
        if (!OperatingSystem.IsWindows())
        {
            foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
            {
                hooks._signals.Add(PosixSignalRegistration.Create(signal, hooks.OnSignal));
            }
        }

        return hooks;
    }

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        foreach (var registration in _signals)
        {
            registration.Dispose();
        }

        _signals.Clear();
    }

    private void OnProcessExit(object? sender, EventArgs e) => StopBlocking();

    // context.Cancel stays false: after the server is down, the signal's default action ends the process.
    private void OnSignal(PosixSignalContext context) => StopBlocking();

#pragma warning disable CA1031 // Reason: the process is exiting; there is no caller left to report to, and the
                               // watchdog still stops the server if this attempt failed.
    private void StopBlocking()
    {
        try
        {
            _stop().GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"carbonledger: stopping the embedded PostgreSQL server failed: {e.Message}");
        }
    }
#pragma warning restore CA1031
}
