using System.Threading.Channels;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Engine.Journal;
using CarbonLedger.Engine.ReadModels;
using NodaTime;

namespace CarbonLedger.Engine;

/// <summary>
/// The single-writer ledger engine (architecture §3). Commands enter a bounded queue; one writer task
/// takes whatever is queued (up to <see cref="LedgerEngineOptions.MaxBatchSize"/>), decides and applies
/// each against the in-memory core, appends the batch's events, read-model updates and hash-chain links
/// to Marten in ONE transaction (group commit), and only then acknowledges each caller. If the append
/// fails nothing is acknowledged and the core is rebuilt from the journal, so no partial state survives.
/// On start the core is rebuilt from the journal and checked against the chain and the latest checkpoint.
/// </summary>
public sealed partial class LedgerEngine : IAsyncDisposable
{
    private readonly LedgerEngineOptions _options;
    private readonly LedgerJournal _journal;
    private readonly ReadModelWriter _readModels;
    private readonly ReadModelProjector? _projector;
    private readonly Channel<WorkItem> _queue;
    private readonly Task _writer;
    private Ledger _ledger;
    private string _chainHead;
    private long _lastCheckpoint;
    private Instant _lastAt;
    private Exception? _fault;
    private int _stopped;

    private LedgerEngine(LedgerEngineOptions options, LedgerJournal journal, JournalReplay.Result replay,
        long projectedAtStart)
    {
        _options = options;
        _journal = journal;
        _readModels = new ReadModelWriter(journal.Schema);
        EventsProjectedAtStart = projectedAtStart;
        _projector = options.ReadModels == ReadModelMode.Async
            ? new ReadModelProjector(journal.DataSource, journal.Schema, options.ReadModelLag, replay.Ledger.Sequence,
                options.ReadModelLinger)
            : null;
        _ledger = replay.Ledger;
        _chainHead = replay.ChainHead;
        _lastCheckpoint = replay.Checkpoint?.Sequence ?? 0;
        EventsReplayedAtStart = replay.EventsReplayed;
        _queue = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _writer = Task.Run(RunWriterAsync);
    }

    /// <summary>The journal this engine writes.</summary>
    public LedgerJournal Journal => _journal;

    /// <summary>How many events the start-up replay folded.</summary>
    public long EventsReplayedAtStart { get; }

    /// <summary>
    /// How many journal events the start-up replay wrote into read models that had fallen behind (after a
    /// crash in <see cref="ReadModelMode.Async"/>); 0 when they were current.
    /// </summary>
    public long EventsProjectedAtStart { get; }

    /// <summary>
    /// Opens the journal, rebuilds the core from it (verifying chain and checkpoint) and starts the writer.
    /// </summary>
    public static async Task<LedgerEngine> StartAsync(LedgerEngineOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        LedgerJournal journal = await Resilience.StartupPipeline.Instance.ExecuteAsync(
            async token =>
                await LedgerJournal.OpenAsync(options.ConnectionString, options.Schema, options.Partition, token),
            ct);
        try
        {
            ReadModelCatchUp catchUp = await CatchUpFromMarkAsync(journal, ct);
            JournalReplay.Result replay =
                await JournalReplay.RebuildAsync(journal, options.Limits, options.Rules, catchUp, ct);
            return new LedgerEngine(options, journal, replay, catchUp.Projected);
        }
        catch
        {
            await journal.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Submits a command and completes once its batch is durable (or rejected). Safe from any thread.
    /// Throws <see cref="JournalAppendException"/> when the batch could not be stored (nothing was applied;
    /// retry with the same key).
    /// </summary>
    public async Task<CommandResult> SubmitAsync(LedgerCommand command, string? correlationId = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.ShapeError() is { } malformed)
        {
            throw new ArgumentException($"{command.GetType().Name} is malformed: {malformed}", nameof(command));
        }

        ThrowIfUnavailable();
        var item = new CommandItem(command, correlationId);
        await _queue.Writer.WriteAsync(item, ct);
        return await item.Completion.Task;
    }

    /// <summary>Runs a read against the core's committed state, on the writer, between batches.</summary>
    public async Task<T> ReadAsync<T>(Func<Ledger, T> query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ThrowIfUnavailable();
        var item = new QueryItem(l => query(l));
        await _queue.Writer.WriteAsync(item, ct);
        return (T)(await item.Completion.Task)!;
    }

    /// <summary>
    /// Completes once the read models include every command acknowledged before this call: at once in
    /// <see cref="ReadModelMode.Inline"/>; in <see cref="ReadModelMode.Async"/>, when the projector has written
    /// them. Throws when the projector has stopped.
    /// </summary>
    public Task ReadModelsCurrentAsync(CancellationToken ct = default)
    {
        ThrowIfUnavailable();
        return _projector is null ? Task.CompletedTask : _projector.DrainAsync(ct);
    }

    /// <summary>Sequence, chain head and state hash of the committed state.</summary>
    public Task<EngineStatus> StatusAsync(CancellationToken ct = default) =>
        ReadAsync(l => new EngineStatus(l.Sequence, _chainHead, l.ComputeStateHash()), ct);

    /// <summary>Drains the queue, writes a final checkpoint and closes the journal.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _writer;
        if (_projector is not null)
        {
            await _projector.DisposeAsync();
        }
        if (_fault is null && _ledger.Sequence != _lastCheckpoint)
        {
            var checkpoint = new Checkpoint(_ledger.Sequence, _ledger.ComputeStateHash(), _chainHead);
            await _journal.WriteCheckpointAsync(checkpoint, Now(), CancellationToken.None);
        }

        await _journal.DisposeAsync();
    }

    private static async Task<ReadModelCatchUp> CatchUpFromMarkAsync(LedgerJournal journal, CancellationToken ct) =>
        new(journal.DataSource, journal.Schema,
            await ReadModelProgress.ReadAsync(journal.DataSource, journal.Schema, ct));

    private void ThrowIfUnavailable()
    {
        if (_fault is not null)
        {
            throw new InvalidOperationException("the ledger engine is faulted and must be restarted", _fault);
        }

        ObjectDisposedException.ThrowIf(Volatile.Read(ref _stopped) == 1, this);
    }

    /// <summary>
    /// Monotonic event time: never earlier than the previous event, even if the wall clock steps back.
    /// </summary>
    private Instant Now()
    {
        Instant now = _options.Clock.GetCurrentInstant();
        _lastAt = now > _lastAt ? now : _lastAt;
        return _lastAt;
    }
}

/// <summary>The committed state's identity: sequence, chain head, state hash.</summary>
public sealed record EngineStatus(long Sequence, string ChainHead, string StateHash);
