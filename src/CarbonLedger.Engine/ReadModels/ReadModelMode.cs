namespace CarbonLedger.Engine.ReadModels;

/// <summary>When the read models are written relative to the journal (decision 0011).</summary>
public enum ReadModelMode
{
    /// <summary>
    /// In the journal's own transaction: a command is acknowledged with its read models already written, so a
    /// query right after an acknowledgement sees it. The default.
    /// </summary>
    Inline = 0,

    /// <summary>
    /// By a projector on its own connection, right after the journal commit and in journal order, a bounded
    /// number of batches behind (<see cref="LedgerEngineOptions.ReadModelLag"/>). The journal transaction then
    /// carries the events alone, and PostgreSQL works on the journal and the read models on two cores at once.
    /// Acknowledgement still means durable in the journal; a query may trail it by a few batches
    /// (<see cref="LedgerEngine.ReadModelsCurrentAsync"/> waits until it does not).
    /// </summary>
    Async = 1,
}
