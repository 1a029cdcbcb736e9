namespace CarbonLedger.Domain.Mrv;

/// <summary>
/// Whether a parameter was measured for this facility (a lab sample) or taken from a published default.
/// Defaults are set high on purpose (domain.md §5.2), so the basis matters to the verifier and to allocation
/// fairness; every trace line shows it.
/// </summary>
public enum ParameterBasis
{
    /// <summary>Measured for the facility; the provenance names the sample or lab report.</summary>
    Measured = 1,

    /// <summary>A published default; the provenance is the factor's version id in the library.</summary>
    Default = 2,
}
