using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using NodaTime;

namespace CarbonLedger.Domain.Registry;

/// <summary>
/// The data of a retirement certificate: everything a beneficiary or auditor needs to check the claim
/// against the ledger (the sequence locates the event in the journal, whose hash chain proves it).
/// </summary>
public sealed record RetirementCertificate(
    string CertificateId, long LedgerSequence, Instant RetiredAt, AccountId Account, InstrumentId Instrument,
    Co2e Quantity, string Beneficiary, string Purpose, LocalDate PeriodStart, LocalDate PeriodEnd,
    IReadOnlyList<SerialRange> Serials, string? Event = null)
{
    /// <summary>The certificate id of the retirement journaled at <paramref name="sequence"/>.</summary>
    public static string IdFor(long sequence) => $"RC-{sequence:D12}";

    /// <summary>Builds the certificate from a journaled retirement.</summary>
    public static RetirementCertificate From(UnitsRetired retired, long sequence)
    {
        ArgumentNullException.ThrowIfNull(retired);
        return new RetirementCertificate(
            retired.CertificateId, sequence, retired.At, retired.Account, retired.Instrument, retired.Quantity,
            retired.Beneficiary, retired.Purpose, retired.PeriodStart, retired.PeriodEnd, retired.Serials,
            retired.Event);
    }
}
