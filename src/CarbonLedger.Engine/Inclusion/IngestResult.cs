using System.Collections.Immutable;
using CarbonLedger.Domain.Inclusion;

namespace CarbonLedger.Engine.Inclusion;

/// <summary>
/// What a batch came to: recorded behaviours and their grams, every refused line with its position and code
/// (cross-platform duplicates included), and whether the batch id had been ingested before (then nothing was
/// recorded again and the counts are those of the first ingestion).
/// </summary>
public sealed record IngestResult(
    string Batch, bool AlreadyIngested, int Recorded, long Grams, ImmutableArray<RefusedBehaviour> Refused);
