using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Rules;
using CarbonLedger.Engine.ReadModels;
using NodaTime;

namespace CarbonLedger.Engine;

/// <summary>Configuration of a <see cref="LedgerEngine"/>. Every bound has its reason.</summary>
public sealed record LedgerEngineOptions
{
    /// <summary>Npgsql connection string of the database that holds the journal.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>PostgreSQL schema of the journal and read models (one per partition, or per test class).</summary>
    public string Schema { get; init; } = "carbonledger";

    /// <summary>Partition name, part of the journal stream keys (architecture §8: one engine per partition).</summary>
    public string Partition { get; init; } = "main";

    /// <summary>The clock that stamps events (a fake clock in tests). Never <c>DateTime.Now</c>.</summary>
    public IClock Clock { get; init; } = SystemClock.Instance;

    /// <summary>
    /// Most commands per group commit. Large enough that one fsync serves thousands of commands at full load
    /// (TigerBeetle batches up to 8,190); small enough to keep a batch's transaction (and p99 latency) short.
    /// Under light load batches shrink by themselves: the writer takes whatever is queued.
    /// </summary>
    public int MaxBatchSize { get; init; } = 2_048;

    /// <summary>
    /// Fewest queued commands worth deciding while the previous batch commits. Below it the writer waits for
    /// the commit and takes them with the later arrivals in one batch: under moderate load a batch of a few
    /// commands overlapped with a commit only adds a commit's fixed costs and makes everyone behind it wait a
    /// commit longer. Under saturation the queue is long and the two stages overlap as designed (decision 0010).
    /// </summary>
    public int OverlapFrom { get; init; } = 128;

    /// <summary>
    /// Whether read models are written in the journal's transaction (<see cref="ReadModelMode.Inline"/>, the
    /// default: a query right after an acknowledgement sees it) or by a projector right behind it
    /// (<see cref="ReadModelMode.Async"/>: more throughput, queries trail by up to <see cref="ReadModelLag"/>).
    /// </summary>
    public ReadModelMode ReadModels { get; init; } = ReadModelMode.Inline;

    /// <summary>
    /// Async mode: most committed batches waiting for the projector before the writer waits for it. Four keep
    /// both PostgreSQL backends busy through a burst while bounding how far a query can trail (four batches,
    /// tens of milliseconds at full load).
    /// </summary>
    public int ReadModelLag { get; init; } = 4;

    /// <summary>
    /// Async mode: how long the projector may wait for more committed batches before writing what it has, so
    /// that a transaction covers several small batches under moderate load. It never waits while the queue is
    /// one short of <see cref="ReadModelLag"/> or a drain is pending. Zero writes every batch at once.
    /// </summary>
    public TimeSpan ReadModelLinger { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Bounded queue: when full, submitters wait (back-pressure) instead of memory growing.</summary>
    public int QueueCapacity { get; init; } = 65_536;

    /// <summary>Write a state-hash checkpoint after this many events (and at a clean stop): O(state) each.</summary>
    public long CheckpointEvery { get; init; } = 100_000;

    /// <summary>Limits of the ledger core.</summary>
    public LedgerLimits Limits { get; init; } = LedgerLimits.Default;

    /// <summary>
    /// The market rules (bands, sessions, fees, holidays), effective-dated. Append-only: the journal replays
    /// only under the rule versions it was written under (a changed past version is refused at start-up).
    /// </summary>
    public RuleBook Rules { get; init; } = DefaultRuleBook.Create();

    /// <summary>
    /// Refuses bounds that cannot work, before anything is opened: a batch of at most zero commands would leave
    /// the writer spinning on a queue it never takes from, a lag of zero would never let a batch through.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">naming the option and the value given.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxBatchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ReadModelLag);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(QueueCapacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(CheckpointEvery);
        ArgumentOutOfRangeException.ThrowIfNegative(OverlapFrom);
        ArgumentOutOfRangeException.ThrowIfLessThan(ReadModelLinger, TimeSpan.Zero);
        ArgumentException.ThrowIfNullOrWhiteSpace(ConnectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(Schema);
        ArgumentException.ThrowIfNullOrWhiteSpace(Partition);
    }
}
