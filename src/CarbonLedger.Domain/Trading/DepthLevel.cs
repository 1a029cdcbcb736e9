using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Trading;

/// <summary>One aggregated price level of one side: the price, its open quantity and how many orders.</summary>
public readonly record struct DepthLevel(Price Price, Co2e Quantity, int Orders);
