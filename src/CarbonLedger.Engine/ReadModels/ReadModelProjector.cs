using System.Diagnostics;
using System.Threading.Channels;
using Npgsql;

namespace CarbonLedger.Engine.ReadModels;

/// <summary>
/// Writes the read models of committed batches in journal order, on its own connection, for
/// <see cref="ReadModelMode.Async"/> (decision 0011). The writer hands over each batch's statements once its
/// journal commit succeeded; a bounded queue holds at most <c>lag</c> batches, so a writer that outruns the
/// projector waits (the lag is bounded, and memory with it). Batches waiting together are written in one
/// transaction, each statement as it was, followed by the progress mark: all of it, or none of it.
/// A failure is retried (transient) and otherwise faults the projector: nothing is skipped, and the next
/// start projects from the mark.
/// </summary>
internal sealed class ReadModelProjector : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;
    private readonly Channel<Work> _queue;
    private readonly int _lag;
    private readonly TimeSpan _linger;
    private readonly Task _loop;
    /// <summary>Drains waiting, plus one once disposing: while above zero the projector does not linger.</summary>
    private int _draining;
    private long _projected;
    private Exception? _fault;

    public ReadModelProjector(NpgsqlDataSource dataSource, string schema, int lag, long projected, TimeSpan linger)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lag);
        ArgumentOutOfRangeException.ThrowIfLessThan(linger, TimeSpan.Zero);
        _dataSource = dataSource;
        _lag = lag;
        _linger = linger;
        _schema = schema;
        _projected = projected;
        _queue = Channel.CreateBounded<Work>(new BoundedChannelOptions(lag)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _loop = Task.Run(RunAsync);
    }

    /// <summary>The journal sequence the read models include.</summary>
    public long Projected => Volatile.Read(ref _projected);

    /// <summary>Why the projector stopped, or null while it runs.</summary>
    public Exception? Fault => Volatile.Read(ref _fault);

    /// <summary>
    /// Hands over the statements of a committed batch whose last event is <paramref name="sequence"/>; waits
    /// while <c>lag</c> batches are already waiting. Throws when the projector has faulted.
    /// </summary>
    public async ValueTask EnqueueAsync(IReadOnlyList<SqlCommandSpec> statements, long sequence)
    {
        ThrowIfFaulted();
        await _queue.Writer.WriteAsync(new Work(statements, sequence, null));
    }

    /// <summary>Completes once everything handed over before this call is written.</summary>
    public async Task DrainAsync(CancellationToken ct)
    {
        ThrowIfFaulted();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Increment(ref _draining);
        try
        {
            await _queue.Writer.WriteAsync(new Work([], 0, done), ct);
            await done.Task.WaitAsync(ct);
        }
        finally
        {
            Interlocked.Decrement(ref _draining);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Interlocked.Increment(ref _draining); // what is queued is written at once, without lingering
        _queue.Writer.TryComplete();
        await _loop;
    }

    private void ThrowIfFaulted()
    {
        if (Fault is { } fault)
        {
            throw Stopped(fault);
        }
    }

    private static InvalidOperationException Stopped(Exception fault) =>
        new("the read-model projector has stopped; restart the engine to project from the progress mark", fault);

    private async Task RunAsync()
    {
        var taken = new List<Work>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            await LingerAsync();
            taken.Clear();
            while (taken.Count < MaxBatchesPerTransaction && _queue.Reader.TryRead(out Work? work))
            {
                taken.Add(work);
            }

            if (Fault is null)
            {
                try
                {
                    await WriteAsync(taken);
                }
#pragma warning disable CA1031 // Any failure stops the projector; the engine reports it and a restart catches up.
                catch (Exception error)
#pragma warning restore CA1031
                {
                    Volatile.Write(ref _fault, error);
                }
            }

            foreach (Work work in taken)
            {
                if (work.Done is null)
                {
                    continue;
                }

                if (Fault is { } fault)
                {
                    work.Done.TrySetException(Stopped(fault));
                }
                else
                {
                    work.Done.TrySetResult();
                }
            }
        }
    }

    /// <summary>
    /// Lets a few committed batches gather before writing them in one transaction. Under moderate load each batch
    /// is small, and one transaction per batch spent more of the projector's CPU (and PostgreSQL's, on the cores
    /// the journal needs) on per-transaction costs than on rows. It waits at most the linger, never while a drain
    /// waits, and stops once the queue is one short of full, so the writer never waits because of it.
    /// </summary>
    private async Task LingerAsync()
    {
        long start = Stopwatch.GetTimestamp();
        while (_queue.Reader.Count < _lag - 1 && Volatile.Read(ref _draining) == 0
               && Stopwatch.GetElapsedTime(start) < _linger)
        {
            await Task.Delay(1);
        }
    }

    private async Task WriteAsync(List<Work> taken)
    {
        long last = 0;
        await using var batch = new NpgsqlBatch();

        // The read models are derived: a commit lost in a crash takes its progress mark with it, and the next
        // start projects those batches again from the journal. So this transaction need not wait for its WAL
        // flush (the journal's own commits always do).
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL synchronous_commit = off"));
        foreach (Work work in taken)
        {
            foreach (SqlCommandSpec statement in work.Statements)
            {
                batch.BatchCommands.Add(statement.ToBatchCommand());
            }

            last = Math.Max(last, work.Sequence);
        }

        if (last == 0)
        {
            return;
        }

        batch.BatchCommands.Add(ReadModelProgress.Set(_schema, last).ToBatchCommand());
        await Resilience.ProjectionPipeline.Instance.ExecuteAsync(
            async ct => await BatchTransaction.ExecuteAsync(_dataSource, batch, ct), CancellationToken.None);
        Volatile.Write(ref _projected, last);
    }

    /// <summary>Enough to absorb a burst in one commit, few enough to keep one transaction short.</summary>
    private const int MaxBatchesPerTransaction = 16;

    /// <summary>A committed batch's statements, or (with <see cref="Done"/>) a drain marker.</summary>
    private sealed record Work(IReadOnlyList<SqlCommandSpec> Statements, long Sequence, TaskCompletionSource? Done);
}
