using CarbonLedger.Domain.Registry;
using CarbonLedger.Engine.Journal;
using CarbonLedger.Engine.ReadModels;
using NodaTime;

namespace CarbonLedger.Engine;

public sealed partial class LedgerEngine
{
    private async Task RunWriterAsync()
    {
        var batch = new List<WorkItem>(_options.MaxBatchSize);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < _options.MaxBatchSize && _queue.Reader.TryRead(out WorkItem? item))
            {
                batch.Add(item);
            }

            if (_fault is not null)
            {
                batch.ForEach(i => i.Fail(new InvalidOperationException("the ledger engine is faulted", _fault)));
                continue;
            }

            await ProcessAsync(batch);
        }
    }

    private async Task ProcessAsync(List<WorkItem> batch)
    {
        var entries = new List<JournalEntry>();
        Instant batchAt = Now();
        try
        {
            foreach (WorkItem item in batch)
            {
                if (item is CommandItem command)
                {
                    command.Pending = Decide(command, entries);
                }
            }

            await AppendAsync(entries, batchAt);
        }
#pragma warning disable CA1031 // Any failure of decide/apply/append means: acknowledge nothing, rebuild.
        catch (Exception error)
#pragma warning restore CA1031
        {
            await RecoverAsync(batch, error);
            return;
        }

        foreach (WorkItem item in batch)
        {
            Complete(item);
        }
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

    private async Task AppendAsync(List<JournalEntry> entries, Instant at)
    {
        if (entries.Count == 0)
        {
            return;
        }

        IReadOnlyList<SqlCommandSpec> readModel = _readModels.For(entries, _ledger);
        Checkpoint? checkpoint = _ledger.Sequence - _lastCheckpoint >= _options.CheckpointEvery
            ? new Checkpoint(_ledger.Sequence, _ledger.ComputeStateHash(), _chainHead)
            : null;
        await _journal.AppendAsync(entries, readModel, checkpoint, at, CancellationToken.None);
        if (checkpoint is not null)
        {
            _lastCheckpoint = checkpoint.Sequence;
        }
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
            JournalReplay.Result replay = await Resilience.StartupPipeline.Instance.ExecuteAsync(
                async ct => await JournalReplay.RebuildAsync(_journal, _options.Limits, _options.Rules, ct),
                CancellationToken.None);
            _ledger = replay.Ledger;
            _chainHead = replay.ChainHead;
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
}
