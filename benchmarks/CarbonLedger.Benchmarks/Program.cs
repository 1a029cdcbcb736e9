using BenchmarkDotNet.Running;
using CarbonLedger.Benchmarks.Engine;

// `durable-load` runs the sustained-load latency harness (open/closed loop with percentiles);
// anything else goes to BenchmarkDotNet's switcher (e.g. --filter '*Transfer*').
if (args.Length > 0 && args[0] == "durable-load")
{
    return await DurableLoad.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(DurableLoad).Assembly).Run(args);
return 0;
