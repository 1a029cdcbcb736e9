namespace CarbonLedger.Domain.Inclusion;

/// <summary>
/// One line of a submitted batch, as read: its 1-based position and either the record or why it could not be
/// read (so a malformed line is reported with its position and the rest of the batch still goes through).
/// </summary>
public sealed record BatchLine(int Position, BehaviourRecord? Record, string? ParseError = null);
