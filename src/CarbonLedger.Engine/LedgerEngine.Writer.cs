using CarbonLedger.Domain.Registry;
using CarbonLedger.Engine.Journal;
using CarbonLedger.Engine.ReadModels;
using NodaTime;

namespace CarbonLedger.Engine;

public sealed partial class LedgerEngine
{
    /// <summary>
    /// The single writer, pipelined two deep: while one batch's transaction is committing, the next batch is
    /// decided in memory, so the writer's CPU work overlaps PostgreSQL's. Appends never overlap (each starts
    /// after the previous one committed, so the hash chain lands in order) and nobody is acknowledged before
    /// their own batch committed. A batch holding a read runs alone, so reads see committed state only.
    /// </summary>
    private async Task RunWriterAsync()
    {
        Decided? inFlight = null;
        while (true)
        {
            // With nothing in flight, take half of a long queue: the other half then forms the next batch while
            // this one commits, and the two halves keep alternating (callers who wait for their acknowledgement
            // before sending more would otherwise all travel in one batch, with nothing to overlap).
            int queued = _queue.Reader.Count;
            int overlap = _options.OverlapFrom;
            if (inFlight is not null && queued < overlap)
            {
                // Too few waiting to be worth overlapping: deciding them now would make them wait for the
                // commit in flight and then pay a commit of their own (a small batch's fixed costs). Wait, and
                // take them with everything that arrives meanwhile.
                await FinishAsync(inFlight);
                inFlight = null;
                continue;
            }

            List<WorkItem> batch = TakeQueued(inFlight is null && queued >= Math.Max(64, 2 * overlap)
                ? (queued + 1) / 2 : queued);
            if (batch.Count == 0)
            {
                if (inFlight is not null)
                {
                    await FinishAsync(inFlight);
                    inFlight = null;
                    continue;
                }

                if (!await _queue.Reader.WaitToReadAsync())
                {
                    return;
                }

                continue;
            }

            if (_fault is not null)
            {
                batch.ForEach(i => i.Fail(new InvalidOperationException("the ledger engine is faulted", _fault)));
                continue;
            }

            bool reads = batch.Exists(i => i is QueryItem);
            if (reads && inFlight is not null)
            {
                await FinishAsync(inFlight);
                inFlight = null;
            }

            inFlight = await DecideAndAppendAsync(batch, inFlight);
            if (reads && inFlight is not null)
            {
                await FinishAsync(inFlight);
                inFlight = null;
            }
        }
    }

    private List<WorkItem> TakeQueued(int wanted)
    {
        int limit = Math.Min(_options.MaxBatchSize, Math.Max(1, wanted));
        var batch = new List<WorkItem>(limit);
        while (batch.Count < limit && _queue.Reader.TryRead(out WorkItem? item))
        {
            batch.Add(item);
        }

        return batch;
    }

    /// <summary>
    /// Decides <paramref name="batch"/> in memory, then waits for <paramref name="previous"/> (acknowledging it)
    /// and starts this batch's append. Returns the batch now in flight, or null when it was settled here: after
    /// a failure, by recovery. If the previous batch failed, this one is decided again on the rebuilt core.
    /// </summary>
    private async Task<Decided?> DecideAndAppendAsync(List<WorkItem> batch, Decided? previous)
    {
        Decided next;
        try
        {
            next = DecideBatch(batch);
        }
#pragma warning disable CA1031 // A core assertion: acknowledge nothing of this batch, rebuild.
        catch (Exception error)
#pragma warning restore CA1031
        {
            if (previous is not null)
            {
                await FinishAsync(previous);
            }

            await RecoverAsync(batch, error);
            return null;
        }

        if (previous is not null && !await FinishAsync(previous))
        {
            // The previous batch was rolled back and the core rebuilt without it or this one: decide again.
            return _fault is null ? await DecideAndAppendAsync(batch, null) : Failed(batch);
        }

        next.Append = next.Entries.Count == 0
            ? Task.CompletedTask
            : _journal.AppendAsync(next.Entries, _projector is null ? next.ReadModel : [], next.Checkpoint, next.At,
                CancellationToken.None);
        return next;
    }

    private Decided? Failed(List<WorkItem> batch)
    {
        batch.ForEach(i => i.Fail(new InvalidOperationException("the ledger engine is faulted", _fault)));
        return null;
    }

    /// <summary>Applies a batch to the core and prepares its append (events, read models, checkpoint).</summary>
    private Decided DecideBatch(List<WorkItem> batch)
    {
        var entries = new List<JournalEntry>();
        Instant at = Now();
        foreach (WorkItem item in batch)
        {
            if (item is CommandItem command)
            {
                command.Pending = Decide(command, entries);
            }
        }

        IReadOnlyList<SqlCommandSpec> readModel = entries.Count == 0 ? []
            : _projector is not null ? _readModels.For(entries, _ledger)
            : [.. _readModels.For(entries, _ledger), ReadModelProgress.Set(_journal.Schema, _ledger.Sequence)];
        Checkpoint? checkpoint = entries.Count > 0 && _ledger.Sequence - _lastCheckpoint >= _options.CheckpointEvery
            ? new Checkpoint(_ledger.Sequence, _ledger.ComputeStateHash(), _chainHead)
            : null;
        if (checkpoint is not null)
        {
            _lastCheckpoint = checkpoint.Sequence;
        }

        return new Decided(batch, entries, readModel, checkpoint, at);
    }

    /// <summary>Waits for a batch's append; acknowledges its callers, or recovers. True when it committed.</summary>
    private async Task<bool> FinishAsync(Decided decided)
    {
        try
        {
            await decided.Append!;
        }
#pragma warning disable CA1031 // Any failure of the append means: acknowledge nothing, rebuild.
        catch (Exception error)
#pragma warning restore CA1031
        {
            await RecoverAsync(decided.Batch, error);
            return false;
        }

        if (_projector is not null && decided.Entries.Count > 0)
        {
            try
            {
                // Handed over before anyone is acknowledged, so ReadModelsCurrentAsync covers every ack.
                await _projector.EnqueueAsync(decided.ReadModel, decided.Entries[^1].Stamp.Sequence);
            }
            catch (InvalidOperationException error)
            {
                // The batch is durable and is acknowledged; the engine stops taking work until restarted,
                // which projects the journal from the read models' mark.
                _fault = error;
            }
        }

        foreach (WorkItem item in decided.Batch)
        {
            Complete(item);
        }

        return true;
    }

    private CommandResult Decide(CommandItem item, List<JournalEntry> entries)
    {
        LedgerDecision decision = _ledger.Submit(item.Command, Now());
        if (decision.Event is null)
        {
            return new CommandResult(decision.Outcome, null);
        }

        byte[] body = HashChain.Body(decision.Event);
        string hash = HashChain.Link(_chainHead, decision.Event, decision.Stamp, body);
        entries.Add(new JournalEntry(decision.Event, decision.Stamp, _chainHead, hash)
        {
            CorrelationId = item.CorrelationId,
            Body = body,
        });
        _chainHead = hash;
        return new CommandResult(decision.Outcome, decision.Event);
    }

    private void Complete(WorkItem item)
    {
        switch (item)
        {
            case CommandItem command:
                command.Completion.TrySetResult(command.Pending!);
                break;
            case QueryItem query:
                try
                {
                    query.Completion.TrySetResult(query.Query(_ledger));
                }
#pragma warning disable CA1031 // A failing read belongs to its caller, not to the writer.
                catch (Exception error)
#pragma warning restore CA1031
                {
                    query.Completion.TrySetException(error);
                }

                break;
            default:
                item.Fail(new InvalidOperationException($"unknown work item {item.GetType().Name}"));
                break;
        }
    }

    /// <summary>
    /// The batch failed (append error, or a core assertion): rebuild the core from the journal, then tell
    /// each caller the truth. A commit whose acknowledgement was lost may still have landed, so a command
    /// whose key is in the rebuilt journal with the same fingerprint is acknowledged; every other command
    /// of the batch fails with <see cref="JournalAppendException"/> and left no trace.
    /// </summary>
    private async Task RecoverAsync(List<WorkItem> batch, Exception error)
    {
        try
        {
            if (_projector is not null)
            {
                // Committed batches still waiting for the projector are written first, so that the mark is
                // where the catch-up below should start (it projects a batch whose commit landed unseen).
                await _projector.DrainAsync(CancellationToken.None);
            }

            JournalReplay.Result replay = await Resilience.StartupPipeline.Instance.ExecuteAsync(
                async ct => await JournalReplay.RebuildAsync(_journal, _options.Limits, _options.Rules,
                    await CatchUpFromMarkAsync(_journal, ct), ct),
                CancellationToken.None);
            _ledger = replay.Ledger;
            _chainHead = replay.ChainHead;
            _lastCheckpoint = replay.Checkpoint?.Sequence ?? 0;
        }
#pragma warning disable CA1031 // If even the rebuild fails the engine stops accepting work (fault).
        catch (Exception rebuildError)
#pragma warning restore CA1031
        {
            _fault = new AggregateException(error, rebuildError);
            batch.ForEach(i => i.Fail(new JournalAppendException("journal append failed and rebuild failed", _fault)));
            return;
        }

        foreach (WorkItem item in batch)
        {
            if (item is CommandItem command && _ledger.Recall(command.Command) is { AlreadyApplied: true } landed)
            {
                command.Completion.TrySetResult(new CommandResult(landed with { AlreadyApplied = false }, null));
            }
            else if (item is CommandItem)
            {
                item.Fail(new JournalAppendException("the batch could not be journaled; nothing was applied", error));
            }
            else
            {
                Complete(item);
            }
        }
    }

    /// <summary>A batch applied to the core, with what its append writes and the append once started.</summary>
    private sealed class Decided(
        List<WorkItem> batch, List<JournalEntry> entries, IReadOnlyList<SqlCommandSpec> readModel,
        Checkpoint? checkpoint, Instant at)
    {
        public List<WorkItem> Batch { get; } = batch;

        public List<JournalEntry> Entries { get; } = entries;

        public IReadOnlyList<SqlCommandSpec> ReadModel { get; } = readModel;

        public Checkpoint? Checkpoint { get; } = checkpoint;

        public Instant At { get; } = at;

        public Task? Append { get; set; }
    }
}
