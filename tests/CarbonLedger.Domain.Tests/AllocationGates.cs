namespace CarbonLedger.Domain.Tests;

/// <summary>
/// The allocation gates run alone, after the parallel tests: a garbage collection that another test's thread
/// triggers during a measured pass perturbs this thread's allocation counter by a few kilobytes.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationGates
{
    /// <summary>The collection's name.</summary>
    public const string Name = "allocation gates";
}
