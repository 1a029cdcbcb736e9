using BenchmarkDotNet.Running;
using CarbonLedger.Benchmarks;
using CarbonLedger.Benchmarks.Engine;
using CarbonLedger.Benchmarks.Matching;

// Every run gets a realistic gen0 budget first (see Gen0Budget: this VM hides its cache sizes from .NET).
if (!Gen0Budget.IsSet)
{
    return await Gen0Budget.RerunAsync(args);
}

// `durable-load` runs the sustained-load latency harness (open/closed loop with percentiles), `match-latency`
// the in-memory matching one; anything else goes to BenchmarkDotNet's switcher (e.g. --filter '*Transfer*').
if (args.Length > 0 && args[0] == "durable-load")
{
    return await DurableLoad.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "match-latency")
{
    return MatchLatency.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(DurableLoad).Assembly).Run(args);
return 0;
