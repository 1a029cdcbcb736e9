using System.Collections.Immutable;
using NodaTime;

namespace CarbonLedger.Domain.Inclusion;

/// <summary>A record that passed every rule the batch can check alone, with its reduction.</summary>
public sealed record AcceptedBehaviour(int Position, BehaviourRecord Record, string Methodology, long Grams,
    LocalDate Date);

/// <summary>A refused line: its position, its behaviour id when it had one, the code and a readable detail.</summary>
public sealed record RefusedBehaviour(int Position, string? BehaviourId, InclusionRejection Rejection, string Detail);

/// <summary>What a batch comes to: the accepted candidates (cross-platform duplicates are decided by the store,
/// atomically) and every refused line.</summary>
public sealed record BatchDecision(
    ImmutableArray<AcceptedBehaviour> Accepted, ImmutableArray<RefusedBehaviour> Refused);
