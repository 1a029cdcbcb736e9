using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Registry;

namespace CarbonLedger.Domain.Exchange;

/// <summary>
/// A command of the exchange side of the core: cash, listings, the trading day, orders, block trades and
/// auctions (decision 0009). Like every command it is idempotent by its key and becomes exactly one event;
/// unlike the registry commands it is decided and applied in one step (an order cannot be decided without
/// being matched), so the engine runs it through <see cref="Ledger.Submit"/>.
/// </summary>
public abstract record ExchangeCommand(IdempotencyKey Key, ActorId Actor) : LedgerCommand(Key, Actor);

/// <summary>An event of the exchange side; replay re-executes it and checks the recorded outcome.</summary>
public abstract record ExchangeEvent(NodaTime.Instant At) : LedgerEvent(At);
