using System.Diagnostics;

namespace CarbonLedger.Benchmarks;

/// <summary>
/// Runs the benchmarks with a 64 MB gen0 allocation budget. This VM exposes no CPU cache sizes
/// (<c>/sys/devices/system/cpu/cpu0/cache</c> is absent), so .NET falls back to a gen0 budget of about 2 MB
/// and collects dozens of times a second under durable load; on a host that reports its caches the budget
/// follows the L3 size (tens of MB). The budget can only be set by environment variable
/// (<c>DOTNET_GCgen0size</c>; runtimeconfig knobs are ignored for it), so the process starts itself again
/// with it set, unless it is set already (any value, e.g. to measure the fallback). BenchmarkDotNet's child
/// processes inherit it. The in-memory benchmarks allocate nothing and are unaffected.
/// </summary>
internal static class Gen0Budget
{
    private const string Variable = "DOTNET_GCgen0size";

    /// <summary>True when the budget is set and this process can go on.</summary>
    public static bool IsSet => Environment.GetEnvironmentVariable(Variable) is not null;

    /// <summary>Runs this program again with the budget set; returns its exit code.</summary>
    public static async Task<int> RerunAsync(string[] args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment[Variable] = "0x4000000";
        using Process child = Process.Start(start)!;
        await child.WaitForExitAsync();
        return child.ExitCode;
    }
}
