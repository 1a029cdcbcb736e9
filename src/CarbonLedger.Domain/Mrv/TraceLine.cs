using System.Collections.Immutable;
using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Mrv;

/// <summary>
/// One line of a calculation trace: what was computed, the formula, the formula with every value substituted
/// (each with its basis and provenance), the exact result in grams and how it was rounded, and the factor
/// versions it used. A reader can redo each line by hand, and a regulator can find every tonne's factors.
/// </summary>
/// <param name="Label">What the line is, e.g. <c>2022-01 COAL</c>.</param>
/// <param name="Formula">The equation, e.g. <c>FC × NCV × CC × OF × 44/12</c>.</param>
/// <param name="Substituted">The equation with values and units.</param>
/// <param name="Result">The result, rounded as <see cref="Rounding"/> says.</param>
/// <param name="Rounding">The rounding applied (always stated, even when the result was exact).</param>
/// <param name="FactorIds">The library versions used (defaults only; measured values name their samples).</param>
public sealed record TraceLine(
    string Label, string Formula, string Substituted, Co2e Result, string Rounding, ImmutableArray<string> FactorIds);
