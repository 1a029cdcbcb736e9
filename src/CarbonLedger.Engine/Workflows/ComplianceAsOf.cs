using CarbonLedger.Domain.Compliance;
using NodaTime;

namespace CarbonLedger.Engine.Workflows;

/// <summary>
/// An as-of answer: the status, the obligation in force then (its account and actor; null before it was set),
/// the instant of the enterprise's first event for the year, and of the last event folded (null: none yet).
/// </summary>
public sealed record ComplianceAsOf(
    ComplianceStatus Status, ObligationSet? Obligation, Instant FirstEventAt, Instant? LastFoldedAt, int EventsFolded);
