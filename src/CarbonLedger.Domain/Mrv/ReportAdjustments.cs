using System.Collections.Immutable;

namespace CarbonLedger.Domain.Mrv;

/// <summary>Applies a verifier's adjustment to a month's evidence (the event already holds the new value).</summary>
internal static class ReportAdjustments
{
    public static MonthlyEvidence Apply(MonthlyEvidence month, ParameterAdjusted adjustment)
    {
        if (adjustment.Parameter == AdjustableParameter.PurchasedElectricity)
        {
            return month with { PurchasedElectricityMwh = adjustment.After.Value };
        }

        return month with
        {
            Fuels = month.Fuels.Select(f => f.Fuel != adjustment.Fuel ? f : adjustment.Parameter switch
            {
                AdjustableParameter.Consumption => f with { Consumption = adjustment.After.Value },
                AdjustableParameter.NetCalorificValue => f with { NetCalorificValue = adjustment.After },
                AdjustableParameter.CarbonContent => f with { CarbonContent = adjustment.After },
                AdjustableParameter.OxidationRate => f with { OxidationRate = adjustment.After },
                _ => throw new ArgumentOutOfRangeException(
                    nameof(adjustment), adjustment.Parameter, "unknown parameter"),
            }).ToImmutableArray(),
        };
    }

    /// <summary>The value an adjustment replaces, for the trace's "before".</summary>
    public static ParameterValue? Current(MonthlyEvidence month, string? fuel, AdjustableParameter parameter)
    {
        if (parameter == AdjustableParameter.PurchasedElectricity)
        {
            return new ParameterValue(month.PurchasedElectricityMwh, ParameterBasis.Measured, "reported");
        }

        foreach (FuelLine f in month.Fuels)
        {
            if (f.Fuel == fuel)
            {
                return parameter switch
                {
                    AdjustableParameter.Consumption =>
                        new ParameterValue(f.Consumption, ParameterBasis.Measured, "reported"),
                    AdjustableParameter.NetCalorificValue => f.NetCalorificValue,
                    AdjustableParameter.CarbonContent => f.CarbonContent,
                    AdjustableParameter.OxidationRate => f.OxidationRate,
                    _ => null,
                };
            }
        }

        return null;
    }
}
