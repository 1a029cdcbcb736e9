using CarbonLedger.Domain.Compliance;

namespace CarbonLedger.Engine.Workflows;

/// <summary>
/// One enterprise's line of the regulator's annual summary: its compliance status for the year and its exchange
/// trades in the year's window (count, tonnes bought and sold, turnover in fen).
/// </summary>
public sealed record AnnualSummaryRow(
    ComplianceStatus Status, long Trades, long BoughtTonnes, long SoldTonnes, long TurnoverFen);
