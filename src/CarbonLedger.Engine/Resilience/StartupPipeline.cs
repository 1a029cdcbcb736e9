using Npgsql;
using Polly;
using Polly.Retry;

namespace CarbonLedger.Engine.Resilience;

/// <summary>
/// Polly at the infrastructure edge only: opening the journal and replaying it are reads, safe to retry
/// on transient PostgreSQL faults (a server still starting, a dropped connection). Appends are never
/// retried here: a lost COMMIT acknowledgement is ambiguous, so the engine rebuilds and checks instead.
/// </summary>
internal static class StartupPipeline
{
    public static ResiliencePipeline Instance { get; } = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder()
                .Handle<NpgsqlException>(e => e.IsTransient)
                .Handle<TimeoutException>(),
            MaxRetryAttempts = 5,
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        })
        .Build();
}
