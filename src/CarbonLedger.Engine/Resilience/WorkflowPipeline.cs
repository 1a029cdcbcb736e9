using Polly;
using Polly.Retry;

namespace CarbonLedger.Engine.Resilience;

/// <summary>
/// Retries a whole workflow step (read the stream, decide, append with the expected version) when another
/// writer appended to the same stream first, or created it first (marten.md §6: retry the command, never the
/// commit). The step is re-decided on the fresh state, so a retry can never append a stale decision.
/// </summary>
internal static class WorkflowPipeline
{
    public static ResiliencePipeline Instance { get; } = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder()
                .Handle<JasperFx.ConcurrencyException>()
                .Handle<Marten.Exceptions.ExistingStreamIdCollisionException>()
                .Handle<Marten.Exceptions.ConcurrentUpdateException>(),
            MaxRetryAttempts = 10,
            Delay = TimeSpan.FromMilliseconds(5),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        })
        .Build();
}
