using System.Diagnostics;
using CarbonLedger.Engine.Postgres;

namespace CarbonLedger.Engine.Tests.Postgres;

/// <summary>The watchdog that stops a server whose owner died by SIGKILL.</summary>
public sealed class OrphanWatchdogTests
{
    [Fact]
    public async Task Watchdog_OwnerKilled_StopsServerAndDeletesTemporaryFolder()
    {
        await using var server = await EmbeddedPostgres.StartAsync(EmbeddedPostgresOptions.Temporary());
        // A stand-in owner we can SIGKILL without killing the test host.
        using var owner = Process.Start(new ProcessStartInfo("sleep", "600") { UseShellExecute = false })!;
        var watchdog = OrphanWatchdog.Start(owner.Id, server.ServerProcessId, server.DataDirectory, deleteFolder: true);
        try
        {
            owner.Kill();
            await owner.WaitForExitAsync();

            Assert.True(await Eventually.TrueAsync(() => !ProcessTable.IsRunning(server.ServerProcessId)));
            Assert.True(await Eventually.TrueAsync(() => !Directory.Exists(server.DataDirectory)));
            Assert.True(await Eventually.TrueAsync(() => ProcessTable.Mentioning(server.DataDirectory).Count == 0));
        }
        finally
        {
            await watchdog.StopAsync();
        }
    }
}
