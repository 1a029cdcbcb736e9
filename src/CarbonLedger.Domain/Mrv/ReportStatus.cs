namespace CarbonLedger.Domain.Mrv;

/// <summary>Where an emission report stands.</summary>
public enum ReportStatus
{
    /// <summary>No monitoring plan yet: the stream is empty.</summary>
    None = 0,

    /// <summary>Plan approved; monthly evidence is being collected.</summary>
    Monitoring = 1,

    /// <summary>Annual report submitted; with the verifier.</summary>
    Submitted = 2,

    /// <summary>Verified emissions issued; awaiting the regulator.</summary>
    Verified = 3,

    /// <summary>Confirmed by the regulator (possibly restated since).</summary>
    Confirmed = 4,
}
