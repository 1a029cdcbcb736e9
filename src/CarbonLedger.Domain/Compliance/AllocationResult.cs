using System.Collections.Immutable;
using CarbonLedger.Domain.Mrv;

namespace CarbonLedger.Domain.Compliance;

/// <summary>An allocation in whole tonnes with the trace of how it was computed.</summary>
public sealed record AllocationResult(long Tonnes, ImmutableArray<TraceLine> Trace);
