using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Trading;

/// <summary>A resting order as it appears in a snapshot or a query.</summary>
public readonly record struct RestingOrder(
    OrderId Id, TraderId Trader, Side Side, Price Price, Co2e Open, TimeInForce TimeInForce);
