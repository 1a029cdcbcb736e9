using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Invariants;
using NodaTime;
using static CarbonLedger.Domain.Registry.LedgerRejection;

namespace CarbonLedger.Domain.Registry;

/// <summary>
/// The exchange side of the core (decision 0009): commands that are decided and applied in one step. The
/// same code runs live (<see cref="Submit"/>, building the event), in memory (<see cref="Execute(LedgerCommand,
/// Instant)"/>, building nothing) and on replay (<see cref="Evolve"/>, building the event again and checking
/// that it equals the journaled one).
/// </summary>
public sealed partial class Ledger
{
    /// <summary>True while an exchange command must describe itself as an event (live and replay).</summary>
    private bool _capture;

    /// <summary>
    /// Decides and applies <paramref name="command"/> at <paramref name="at"/>: a rejection, an earlier
    /// acceptance under the same key, or the new event with its stamp, already applied. The engine's write
    /// path for every command.
    /// </summary>
    public LedgerDecision Submit(LedgerCommand command, Instant at)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command is not ExchangeCommand exchange)
        {
            LedgerDecision decision = Decide(command, at);
            if (decision.Event is not null)
            {
                Evolve(decision.Event, decision.Stamp);
            }

            return decision;
        }

        ulong fingerprint = command.Fingerprint();
        if (CheckKey(command, fingerprint) is { } earlier)
        {
            return new LedgerDecision(earlier, null, default);
        }

        _capture = true;
        (LedgerRejection rejection, LedgerEvent? e) = RunExchange(exchange, at);
        if (rejection != None)
        {
            return new LedgerDecision(CommandOutcome.Rejected(rejection), null, default);
        }

        LedgerAssert.That(e is not null, "an accepted exchange command described no event");
        var stamp = new EventStamp(Sequence + 1, command.Key, fingerprint, command.Actor);
        Record(stamp);
        return new LedgerDecision(new CommandOutcome(None, stamp.Sequence, false), e, stamp);
    }

    /// <summary>
    /// As <see cref="Execute(LedgerCommand)"/>, at <paramref name="at"/> (exchange commands check sessions and
    /// windows against it): the in-memory hot path, no event built.
    /// </summary>
    public CommandOutcome Execute(LedgerCommand command, Instant at)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command is not ExchangeCommand exchange)
        {
            return Execute(command);
        }

        ulong fingerprint = command.Fingerprint();
        if (CheckKey(command, fingerprint) is { } earlier)
        {
            return earlier;
        }

        _capture = false;
        LedgerRejection rejection = RunExchange(exchange, at).Rejection;
        if (rejection != None)
        {
            return CommandOutcome.Rejected(rejection);
        }

        long sequence = Sequence + 1;
        Record(new EventStamp(sequence, command.Key, fingerprint, command.Actor));
        return new CommandOutcome(None, sequence, false);
    }

    /// <summary>
    /// The earlier outcome of a command whose key was accepted (same fingerprint: already applied; other:
    /// a key conflict), or null when the key is new. Pure.
    /// </summary>
    public CommandOutcome? Recall(LedgerCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return CheckKey(command, command.Fingerprint());
    }

    /// <summary>Replays a journaled exchange event: re-runs its command and checks the outcome is the same.</summary>
    private void ReplayExchange(ExchangeEvent e, EventStamp stamp)
    {
        ExchangeCommand command = ExchangeReplay.CommandOf(e, stamp);
        LedgerAssert.That(command.Fingerprint() == stamp.Fingerprint,
            $"journal event {stamp.Sequence}: the command rebuilt from it has another fingerprint");
        _capture = true;
        (LedgerRejection rejection, LedgerEvent? again) = RunExchange(command, e.At);
        LedgerAssert.That(rejection == None,
            $"journal event {stamp.Sequence} ({e.GetType().Name}) is rejected on replay: {rejection}");
        LedgerAssert.That(again is not null && EventContent.Same(again, e),
            $"journal event {stamp.Sequence} ({e.GetType().Name}) replays to a different outcome");
        Record(stamp);
    }

    private (LedgerRejection Rejection, LedgerEvent? Event) RunExchange(ExchangeCommand command, Instant at) =>
        command switch
        {
            PlaceOrder c => PlaceListedOrder(c, at),
            CancelOrder c => CancelListedOrder(c, at),
            AmendOrder c => AmendListedOrder(c, at),
            DepositCash c => Deposit(c, at),
            WithdrawCash c => Withdraw(c, at),
            ListInstrument c => List(c, at),
            OpenTradingDay c => OpenDay(c, at),
            CloseTradingDay c => CloseDay(c, at),
            PostBlockOrder c => PostBlock(c, at),
            ConfirmBlockOrder c => ConfirmBlock(c, at),
            WithdrawBlockOrder c => WithdrawBlock(c, at),
            AnnounceAuction c => Announce(c, at),
            PlaceBid c => Bid(c, at),
            CloseAuction c => CloseAuctionNow(c, at),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "unknown command"),
        };

    /// <summary>
    /// Rules 402, 420, 602, 701 and 703 for a trading account acting on its own behalf.
    /// </summary>
    private LedgerRejection CheckTrader(LedgerCommand c, Identity.AccountId id, out int account)
    {
        if (!_accountIndex.TryGetValue(id, out account))
        {
            return AccountUnknown;
        }

        LedgerRejection holder = CheckTradingHolder(account, c.Actor);
        if (holder != None)
        {
            return holder;
        }

        return CheckSubjectOpen(account);
    }

    /// <summary>Rules 420 and 602: the account is a trading account and the actor holds it.</summary>
    private LedgerRejection CheckTradingHolder(int account, Identity.ActorId actor) =>
        _accounts[account].Type != AccountType.Trading ? AccountNotTrading
        : _accounts[account].Owner != actor ? ActorNotAccountHolder
        : None;

    /// <summary>The exchange clearing and fee accounts exist and are open (rule 804).</summary>
    private bool ExchangeReady =>
        _x.Clearing >= 0 && _x.FeeAccount >= 0 && _accounts[_x.Clearing].Status == AccountStatus.Open
        && _accounts[_x.FeeAccount].Status == AccountStatus.Open;

    /// <summary>Rule 603: the actor holds the open exchange clearing account (operates the exchange).</summary>
    private LedgerRejection CheckOperator(LedgerCommand c) =>
        _x.Clearing >= 0 && _accounts[_x.Clearing].Status == AccountStatus.Open
        && _accounts[_x.Clearing].Owner == c.Actor
            ? None
            : ActorNotExchangeOperator;

    /// <summary>Rules 804, 805 and 811 for trading an instrument on the open day.</summary>
    private LedgerRejection CheckMarketOpen(Instruments.InstrumentId instrument, out int listing)
    {
        listing = -1;
        if (!ExchangeReady)
        {
            return ExchangeNotConfigured;
        }

        if (!_instrumentIndex.TryGetValue(instrument, out int ins)
            || !_x.ListingByInstrument.TryGetValue(ins, out listing))
        {
            return InstrumentNotListed;
        }

        return _x.OpenDay is null || _x.Listings[listing].Book is null ? TradingDayNotOpen : None;
    }

    /// <summary>Units or funds for a hold: rules 903/904 (units) or 905 (cash).</summary>
    private LedgerRejection CheckCover(int account, int instrument, Trading.Side side, long grams, long cash)
    {
        if (side == Trading.Side.Buy)
        {
            return _x.CashOf(account).Usable < cash ? InsufficientFunds : None;
        }

        long available = AvailableGrams(account, instrument);
        if (available >= grams)
        {
            return None;
        }

        long unsettled = _positionIndex.TryGetValue(PositionKey(account, instrument), out int p)
            ? _positions[p].Unsettled
            : 0;
        return available + unsettled >= grams ? UnitsUnsettled : InsufficientAvailable;
    }
}
