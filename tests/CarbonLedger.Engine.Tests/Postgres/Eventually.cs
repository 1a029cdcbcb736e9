namespace CarbonLedger.Engine.Tests.Postgres;

/// <summary>
/// Waits for a condition that another process brings about (a watchdog reacting to a death). The bound only
/// keeps a broken implementation from hanging the run; the tests assert the outcome, never the time taken.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(60);

    public static async Task<bool> TrueAsync(Func<bool> condition)
    {
        using var bounded = new CancellationTokenSource(s_bound);
        while (!condition())
        {
            if (bounded.IsCancellationRequested)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None);
        }

        return true;
    }
}
