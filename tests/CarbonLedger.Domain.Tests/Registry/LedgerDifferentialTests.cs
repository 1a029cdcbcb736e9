using CarbonLedger.Domain.Invariants;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Testing.Generators;
using CarbonLedger.Testing.Reference;
using NodaTime;
using Xunit.Abstractions;
using static CarbonLedger.Domain.Registry.LedgerRejection;

namespace CarbonLedger.Domain.Tests.Registry;

/// <summary>
/// Differential testing: seeded random command streams (plausible and deliberately broken) run through the
/// real <see cref="Ledger"/> and the naive <see cref="ReferenceLedger"/>. Each seed runs 10,000 commands as
/// ten episodes of 1,000 on fresh registries (the invariant checks are O(state), so bounded episodes keep the
/// suite fast while every episode still builds up, fragments and drains a realistic registry). Every command
/// is first decided (the decision is compared with the oracle's outcome and event and must not change the
/// ledger), then applied alternately with <see cref="Ledger.Execute"/> and with <see cref="Ledger.Evolve"/>.
/// After every command the invariants must hold and all views must equal the oracle's (serial holdings every
/// 20 commands and at the end); replaying each episode's journal must reproduce its state hash.
/// Failure messages name seed, episode and step; the generator's seed is <c>seed * 1000 + episode</c>.
/// </summary>
public sealed class LedgerDifferentialTests(ITestOutputHelper output)
{
    private const int CommandsPerSeed = 10_000;
    private const int EpisodeLength = 1_000;
    private const int SerialComparisonInterval = 20;

    /// <summary>Small limits so that the stream reaches the per-command, supply and text limits for real.</summary>
    private static readonly LedgerLimits s_limits = LedgerLimits.Default with
    {
        MaxQuantityPerCommand = Co2e.FromTonnes(5_000),
        MaxSupplyPerInstrument = Co2e.FromTonnes(60_000),
        MaxTextLength = 24,
    };

    private static readonly Instant s_start = Instant.FromUtc(2025, 1, 1, 0, 0);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomCommandStream_RealLedgerAndReferenceLedger_Agree(int seed)
    {
        var stats = new StreamStats();
        for (int episode = 0; episode < CommandsPerSeed / EpisodeLength; episode++)
        {
            RunEpisode(seed, episode, stats);
        }

        Report(seed, stats);
        AssertStreamWasVaried(seed, stats);
    }

    [Fact]
    public void RandomCommandStream_OneUnbrokenStreamOfTenThousand_Agree()
    {
        // One registry through all 10,000 commands: the deepest states (fragmented serial books, many
        // freezes, closed accounts) that short episodes never reach.
        var stats = new StreamStats();
        RunEpisode(seed: 4, episode: 0, stats, length: CommandsPerSeed);
        Report(4, stats);
        AssertStreamWasVaried(4, stats);
    }

    /// <summary>One episode: a fresh registry and <see cref="EpisodeLength"/> commands from generator seed
    /// <c>seed * 1000 + episode</c>.</summary>
    private static void RunEpisode(int seed, int episode, StreamStats stats, int length = EpisodeLength)
    {
        var ledger = new Ledger(s_limits);
        var oracle = new ReferenceLedger(s_limits);
        var generator = new RandomCommandGenerator((seed * 1000) + episode, oracle, s_limits);
        var journal = new List<(LedgerEvent Event, EventStamp Stamp)>();
        string where = $"seed {seed} episode {episode}";

        for (int step = 0; step < length; step++)
        {
            LedgerCommand command = generator.Next();
            string context = $"{where} step {step}: {command}";
            Instant at = s_start + Duration.FromSeconds(step);

            ReferenceResult expected = oracle.Apply(command, at);
            // The state hash is O(state): every third unchanged step checks it; the views are compared every step.
            string? hashBefore = expected.Event is null && step % 3 == 0 ? ledger.ComputeStateHash() : null;
            long sequenceBefore = ledger.Sequence;

            LedgerDecision decision = ledger.Decide(command, at);
            LedgerComparison.Require(decision.Outcome == expected.Outcome,
                () => $"{context}: outcome {decision.Outcome}, oracle says {expected.Outcome}");
            LedgerComparison.AssertSameEvent(expected.Event, decision.Event, context);
            LedgerComparison.Require(ledger.Sequence == sequenceBefore, () => $"{context}: Decide changed the ledger");

            if (step % 2 == 0)
            {
                CommandOutcome executed = ledger.Execute(command);
                LedgerComparison.Require(executed == expected.Outcome,
                    () => $"{context}: Execute gave {executed}, oracle says {expected.Outcome}");
            }
            else if (decision.Event is { } evt)
            {
                ledger.Evolve(evt, decision.Stamp);
            }

            if (decision.Event is { } journaled)
            {
                journal.Add((journaled, decision.Stamp));
                stats.AcceptedKinds.Add(command.GetType().Name);
            }
            else if (hashBefore is not null)
            {
                string after = ledger.ComputeStateHash();
                LedgerComparison.Require(after == hashBefore,
                    () => $"{context}: {decision.Outcome} but the state hash changed");
            }

            stats.Count(decision.Outcome);
            try
            {
                LedgerInvariants.AssertAll(ledger);
            }
            catch (LedgerInvariantException e)
            {
                Assert.Fail($"{context}: invariant broken: {e.Message}");
            }

            LedgerComparison.AssertSameState(ledger, oracle, context,
                includeSerials: step % SerialComparisonInterval == 0);
        }

        LedgerComparison.AssertSameState(ledger, oracle, $"{where} at the end", includeSerials: true);

        var replica = new Ledger(s_limits);
        foreach ((LedgerEvent evt, EventStamp stamp) in journal)
        {
            replica.Evolve(evt, stamp);
        }

        Assert.Equal(ledger.Sequence, replica.Sequence);
        LedgerComparison.Require(replica.ComputeStateHash() == ledger.ComputeStateHash(),
            () => $"{where}: replaying {journal.Count} events gives a different state hash");
        LedgerComparison.AssertSameState(replica, oracle, $"{where} replica", includeSerials: true);
        stats.Events += journal.Count;
    }

    /// <summary>Guards the generator: a stream that stops exercising the rules would pass vacuously.</summary>
    private static void AssertStreamWasVaried(int seed, StreamStats stats)
    {
        string[] everyCommand =
        [
            nameof(OpenAccount), nameof(SuspendAccount), nameof(ReinstateAccount), nameof(CloseAccount),
            nameof(IssueAllowances), nameof(IssueCredits), nameof(TransferUnits), nameof(RetireUnits),
            nameof(CancelUnits), nameof(SurrenderUnits), nameof(ForceSurrenderUnits), nameof(ClawBackUnits),
            nameof(FreezeUnits), nameof(UnfreezeUnits),
        ];
        Assert.All(everyCommand,
            kind => Assert.True(stats.AcceptedKinds.Contains(kind), $"seed {seed}: no {kind} accepted"));
        Assert.True(stats.Outcomes.GetValueOrDefault(None) > CommandsPerSeed / 4, $"seed {seed}: too few accepted");
        Assert.True(stats.AlreadyApplied > 50, $"seed {seed}: only {stats.AlreadyApplied} retries");

        LedgerRejection[] mustOccur =
        [
            IdempotencyKeyConflict, QuantityMustBePositive, QuantityMustBeWholeTonnes, QuantityExceedsLimit,
            SerialRangeInvalid, SerialRangeQuantityMismatch, ReasonRequired, TextTooLong, RetirementPeriodInvalid,
            AccountsMustBeDifferent, AccountTypeNotOpenable, AccountIdReserved, SerialsNotApplicable,
            AccountAlreadyExists, AccountUnknown, ToAccountUnknown, AccountIsTerminalSink, ToAccountIsTerminalSink,
            ActorNotAuthority, ActorNotAccountHolder, AccountIsClosed, AccountIsSuspended, AccountNotSuspended,
            AccountNotEmpty, InstrumentUnknown, SerialsAlreadyIssued, SerialsTerminal, SerialsNotOwned,
            InsufficientAvailable, FreezeIdAlreadyUsed, FreezeUnknown, UnfreezeExceedsFrozen,
        ];
        Assert.All(mustOccur,
            code => Assert.True(stats.Outcomes.ContainsKey(code), $"seed {seed}: {code} never occurred"));
    }

    private void Report(int seed, StreamStats stats)
    {
        output.WriteLine($"seed {seed}: {stats.Events} events, {stats.AlreadyApplied} retries answered AlreadyApplied");
        foreach ((LedgerRejection code, int count) in stats.Outcomes.OrderBy(kv => kv.Key))
        {
            output.WriteLine($"  {(int)code,4} {code,-28} {count,6}");
        }
    }

    private sealed class StreamStats
    {
        public Dictionary<LedgerRejection, int> Outcomes { get; } = [];

        public HashSet<string> AcceptedKinds { get; } = [];

        public int AlreadyApplied { get; private set; }

        public int Events { get; set; }

        public void Count(CommandOutcome outcome)
        {
            Outcomes[outcome.Rejection] = Outcomes.GetValueOrDefault(outcome.Rejection) + 1;
            AlreadyApplied += outcome.AlreadyApplied ? 1 : 0;
        }
    }
}
