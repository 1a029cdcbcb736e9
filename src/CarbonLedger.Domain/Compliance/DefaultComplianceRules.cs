using System.Collections.Immutable;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Mrv;
using CarbonLedger.Domain.Quantities;
using NodaTime;

namespace CarbonLedger.Domain.Compliance;

/// <summary>
/// National power-sector rules for 2021–2024 from domain.md (labels as there: [F] sourced, [B] unverified),
/// with the scenario-2 benchmarks as the allocation plans. Data for the CLI, simulations and tests; a
/// deployment loads the published texts.
/// </summary>
public static class DefaultComplianceRules
{
    /// <summary>The regulator actor of the default rule book.</summary>
    public static ActorId Regulator { get; } = ActorId.Of("MEE");

    /// <summary>The rule book: factors, years 2021–2024, plans, the regulator, no covered projects.</summary>
    public static ComplianceRuleBook Create()
    {
        var book = new ComplianceRuleBook(
            DefaultFactors.Create(), ImmutableDictionary<int, ComplianceRules>.Empty,
            ImmutableDictionary<int, AllocationPlan>.Empty, [Regulator], [],
            DateTimeZoneProviders.Tzdb["Asia/Shanghai"]);
        PenaltyRule fine = PenaltyRule.FixedFine(Money.FromYuan(20_000), Money.FromYuan(30_000));
        foreach (int year in new[] { 2021, 2022 })
        {
            // [F] 2021/22: CCER ≤ 5 % of the obligation; both years due by 2023-12-31; [B] next-year deduction.
            book = book.With(Rules(year, new LocalDateTime(2023, 12, 31, 17, 0), fine, indirect: true,
                "[F] MEE 2021/22 allocation plan and compliance notice; [B] deduction rule of the 2021 Measures"));
        }

        // [F] 2023 allowances due by 2024-12-31 and 2024 by 2025-12-31 ([B]); indirect emissions excluded from 2023;
        // [B] the 2024 Interim Regulations fine 5–10 × the average price of the month before the deadline.
        book = book
            .With(Rules(2023, new LocalDateTime(2024, 12, 31, 17, 0), fine, indirect: false,
                "[F] S-ICAP-2324 scope; [B] deadline"))
            .With(Rules(2024, new LocalDateTime(2025, 12, 31, 17, 0), PenaltyRule.PriceMultiple(5, 10), indirect: false,
                "[B] 2024 Interim Regulations Art. 24"));
        for (int year = 2021; year <= 2024; year++)
        {
            book = book.With(new AllocationPlan(year, 1,
                [
                    new AllocationBenchmark("COAL-300+", Scaled.Parse("0.8000"), Scaled.Parse("0.1100")),
                    new AllocationBenchmark("GAS", Scaled.Parse("0.3920"), Scaled.Parse("0.0560")),
                ],
                Scaled.Parse("0.70"), year <= 2022 ? Scaled.Parse("0.80") : null,
                "[I] illustrative benchmarks (domain.md §10.5 scenario 2; gas from §4.2 [B])"));
        }

        return book;
    }

    private static ComplianceRules Rules(int year, LocalDateTime deadline, PenaltyRule penalty, bool indirect,
        string source) => new(
        year, 1, Programme.Cea, 2019, year, [Programme.Ccer], Scaled.Parse("0.05"), PartialOffsetAcceptance: false,
        GapCapShare: null, penalty, NextYearDeduction: true, deadline, indirect, source);
}
