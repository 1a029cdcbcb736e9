using CarbonLedger.Domain.Registry;

namespace CarbonLedger.Engine;

/// <summary>Something queued for the single writer.</summary>
internal abstract class WorkItem
{
    public abstract void Fail(Exception error);
}

/// <summary>A command and the caller waiting for its durable result.</summary>
internal sealed class CommandItem(LedgerCommand command, string? correlationId) : WorkItem
{
    public LedgerCommand Command { get; } = command;

    public string? CorrelationId { get; } = correlationId;

    public TaskCompletionSource<CommandResult> Completion { get; } =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CommandResult? Pending { get; set; }

    public override void Fail(Exception error) => Completion.TrySetException(error);
}

/// <summary>A read of the core's state, run on the writer between batches (the core is single-owner).</summary>
internal sealed class QueryItem(Func<Ledger, object?> query) : WorkItem
{
    public Func<Ledger, object?> Query { get; } = query;

    public TaskCompletionSource<object?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override void Fail(Exception error) => Completion.TrySetException(error);
}
