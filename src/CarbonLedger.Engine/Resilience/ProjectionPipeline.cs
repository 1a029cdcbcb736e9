using Npgsql;
using Polly;
using Polly.Retry;

namespace CarbonLedger.Engine.Resilience;

/// <summary>
/// Retries a read-model projection transaction on transient PostgreSQL faults. Safe, unlike a journal append:
/// the transaction moves the progress mark with its rows, so a failed attempt left nothing, and a retry after
/// an ambiguous commit that did land fails on the rows' keys and stops the projector, harmlessly (the mark
/// moved with those rows; the next start projects from it).
/// </summary>
internal static class ProjectionPipeline
{
    public static ResiliencePipeline Instance { get; } = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder()
                .Handle<NpgsqlException>(e => e.IsTransient)
                .Handle<TimeoutException>(),
            MaxRetryAttempts = 3,
            Delay = TimeSpan.FromMilliseconds(100),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        })
        .Build();
}
