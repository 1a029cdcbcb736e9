using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Mrv;

/// <summary>
/// A parameter as used in a calculation: its value, whether it was measured or a default, and where it came
/// from (the sample or lab report for a measured value; the factor version id for a default).
/// </summary>
public sealed record ParameterValue(Scaled Value, ParameterBasis Basis, string Provenance)
{
    /// <summary>A published default, pinned to its library version.</summary>
    public static ParameterValue From(EmissionFactor factor)
    {
        ArgumentNullException.ThrowIfNull(factor);
        return new ParameterValue(factor.Value, ParameterBasis.Default, factor.Id);
    }

    /// <summary>A measured value with the sample that backs it.</summary>
    public static ParameterValue Measured(Scaled value, string sample) => new(value, ParameterBasis.Measured, sample);

    /// <summary>The value and its provenance, for a trace (<c>21.000 [measured: LAB-2022-01]</c>).</summary>
    public override string ToString() =>
        $"{Value} [{(Basis == ParameterBasis.Measured ? "measured" : "default")}: {Provenance}]";
}
