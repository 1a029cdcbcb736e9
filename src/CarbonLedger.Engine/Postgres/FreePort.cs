using System.Net;
using System.Net.Sockets;

namespace CarbonLedger.Engine.Postgres;

/// <summary>
/// Picks a loopback TCP port that nobody listens on, by letting the kernel choose one for a throw-away listener.
/// The port is released before PostgreSQL binds it, so another process can take it in between; the launcher
/// detects that ("Address already in use") and retries with a new port.
/// </summary>
internal static class FreePort
{
    public static int Pick()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
