using System.Globalization;

namespace CarbonLedger.Benchmarks.Engine;

/// <summary>
/// CPU time (user + system) of this process and of every child of the PostgreSQL server, from /proc. CPU time
/// per command is much steadier than wall time on this noisy machine, so it is what tells whether a change made
/// an order cheaper, and for whom (.NET, the journal's backend, the projector's).
/// </summary>
internal sealed class ProcessCpu
{
    private static readonly long s_ticksPerSecond = 100; // USER_HZ, fixed at 100 on Linux

    private ProcessCpu(Dictionary<int, (string Title, long Ticks, long SystemTicks)> processes) =>
        Processes = processes;

    public Dictionary<int, (string Title, long Ticks, long SystemTicks)> Processes { get; }

    public static ProcessCpu Sample(int? postmaster)
    {
        int self = Environment.ProcessId;
        var processes = new Dictionary<int, (string, long, long)>
        {
            [self] = (".NET", Ticks(self), SystemTicks(self)),
        };
        if (postmaster is { } server)
        {
            foreach (string dir in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(dir), out int pid) && Parent(pid) == server)
                {
                    processes[pid] = ($"{Title(pid)} (nice {Nice(pid)})", Ticks(pid), SystemTicks(pid));
                }
            }
        }

        return new ProcessCpu(processes);
    }

    /// <summary>Lines "µs CPU per command" by process, busiest first (processes alive in both samples).</summary>
    public IEnumerable<string> PerCommand(ProcessCpu before, long commands)
    {
        double total = 0;
        var lines = new List<(double Us, double SystemUs, string Title)>();
        double PerCommand(long ticks) => ticks * 1e6 / s_ticksPerSecond / Math.Max(1, commands);
        foreach ((int pid, (string title, long ticks, long system)) in Processes)
        {
            (string _, long startTicks, long startSystem) =
                before.Processes.TryGetValue(pid, out var known) ? known : (title, 0L, 0L);
            double us = PerCommand(ticks - startTicks);
            total += us;
            if (us >= 0.5)
            {
                lines.Add((us, PerCommand(system - startSystem), title));
            }
        }

        foreach ((double us, double systemUs, string title) in lines.OrderByDescending(l => l.Us))
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"  {us,7:F1} µs CPU/command ({systemUs,5:F1} in the kernel)  {title}");
        }

        yield return string.Create(CultureInfo.InvariantCulture, $"  {total,7:F1} µs CPU/command  in all");
    }

    private static string[]? Stat(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static long Ticks(int pid) => Stat(pid) is { } f
        ? long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture)
        : 0;

    private static string Nice(int pid) => Stat(pid) is { } f ? f[16] : "?";

    private static long SystemTicks(int pid) =>
        Stat(pid) is { } f ? long.Parse(f[12], CultureInfo.InvariantCulture) : 0;

    private static int Parent(int pid) => Stat(pid) is { } f ? int.Parse(f[1], CultureInfo.InvariantCulture) : 0;

    private static string Title(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
