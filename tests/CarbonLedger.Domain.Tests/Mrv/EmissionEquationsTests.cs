using CarbonLedger.Domain.Mrv;
using CarbonLedger.Domain.Quantities;
using NodaTime;

namespace CarbonLedger.Domain.Tests.Mrv;

public sealed class EmissionEquationsTests
{
    private static readonly ParameterValue Grid2022 = ParameterValue.From(new EmissionFactor(
        FactorKind.GridEmission, "CN-GRID", 2022, 1, Scaled.Parse("0.5703"), "tCO2/MWh", "MEE 2023",
        ParameterBasis.Default, new LocalDate(2023, 2, 7)));

    private static FuelLine Coal(string fc, string ncv = "21.000", string cc = "0.02600", string of = "0.99") => new(
        "COAL", Scaled.Parse(fc), ParameterValue.Measured(Scaled.Parse(ncv), "LAB-NCV-1"),
        ParameterValue.Measured(Scaled.Parse(cc), "LAB-CC-1"), ParameterValue.Measured(Scaled.Parse(of), "LAB-OF-1"));

    [Fact]
    public void Fuel_Scenario1Coal_Is1981980Tonnes()
    {
        // domain.md §10.5 scenario 1: 1,000,000 t × 21.000 × 0.02600 × 0.99 × 44/12 = 1,981,980 tCO2.
        TraceLine line = EmissionEquations.Fuel("2022 COAL", Coal("1000000"));

        Assert.Equal(Co2e.FromTonnes(1_981_980), line.Result);
        Assert.Equal("FC × NCV × CC × OF × 44/12", line.Formula);
        Assert.Contains("21.000 [measured: LAB-NCV-1]", line.Substituted, StringComparison.Ordinal);
        Assert.Empty(line.FactorIds);
    }

    [Fact]
    public void Electricity_Scenario1_Is5703Tonnes()
    {
        TraceLine line = EmissionEquations.Electricity("2022 electricity", Scaled.Parse("10000"), Grid2022);

        Assert.Equal(Co2e.FromTonnes(5_703), line.Result);
        Assert.Equal("GridEmission/CN-GRID/2022/v1", Assert.Single(line.FactorIds));
    }

    [Fact]
    public void AnnualEmissions_Scenario1Scopes_DirectAndIndirectPerYearRule()
    {
        // Twelve months of 1/12 of the year would not divide evenly; scenario 1 as one month keeps its numbers.
        var month = new MonthlyEvidence(
            1, [Coal("1000000")], Scaled.Parse("10000"), Scaled.Whole(0), Scaled.Whole(0));

        AnnualEmissions with2022Scope = AnnualEmissions.Compute(2022, [month], Grid2022, indirectInScope: true);
        AnnualEmissions with2023Scope = AnnualEmissions.Compute(2022, [month], Grid2022, indirectInScope: false);

        Assert.Equal(1_987_683, with2022Scope.Tonnes);
        Assert.Equal(1_981_980, with2023Scope.Tonnes);
        Assert.Equal(Co2e.FromTonnes(5_703), with2023Scope.Indirect);
        Assert.Equal(2, with2022Scope.Trace.Length);
        Assert.Equal(with2022Scope.InScope, with2022Scope.Trace.Aggregate(Co2e.Zero, (sum, l) => sum + l.Result));
    }

    [Fact]
    public void Fuel_InexactProduct_RoundsHalfUpToTheGram()
    {
        // 1 t × 1 GJ/t × 0.000001 tC/GJ × 1 × 44/12 = 3.666… g → 4 g; 5.5 g → 6 g (half-up); 0.495 g → 0 g.
        Assert.Equal(4, EmissionEquations.Fuel("x", Coal("1", "1", "0.000001", "1")).Result.Grams);
        Assert.Equal(11, EmissionEquations.Fuel("x", Coal("3", "1", "0.000001", "1")).Result.Grams);
        Assert.Equal(6, EmissionEquations.Fuel("x", Coal("3", "1", "0.000001", "0.5")).Result.Grams);
        Assert.Equal(0, EmissionEquations.Fuel("x", Coal("0.15", "1", "0.000001", "0.9")).Result.Grams);
    }

    [Fact]
    public void Fuel_RandomLines_MatchDecimalOracle()
    {
        // The oracle: the same equation in decimal (exact at these sizes), rounded half away from zero.
        var random = new Random(5);
        for (int i = 0; i < 20_000; i++)
        {
            decimal fc = random.NextInt64(0, 100_000_000) / 1000m;
            decimal ncv = random.Next(1, 60_000) / 1000m;
            decimal cc = random.Next(1, 5_000) / 100_000m;
            decimal of = random.Next(1, 10_000) / 10_000m;
            var line = new FuelLine(
                "COAL", Scaled.Parse(Text(fc)), ParameterValue.Measured(Scaled.Parse(Text(ncv)), "s"),
                ParameterValue.Measured(Scaled.Parse(Text(cc)), "s"),
                ParameterValue.Measured(Scaled.Parse(Text(of)), "s"));
            decimal expected = Math.Round(fc * ncv * cc * of * 44m * 1_000_000m / 12m, MidpointRounding.AwayFromZero);

            long grams = EmissionEquations.Fuel("x", line).Result.Grams;

            Assert.True(Math.Abs(expected - grams) <= 0m, $"{fc} × {ncv} × {cc} × {of}: {expected} vs {grams}");
        }
    }

    [Fact]
    public void FactorLibrary_NewVersion_OldDateStillFindsOldVersion()
    {
        var v1 = new EmissionFactor(FactorKind.GridEmission, "CN-GRID", 2022, 1, Scaled.Parse("0.5810"), "tCO2/MWh",
            "2022 revision", ParameterBasis.Default, new LocalDate(2022, 6, 1));
        var v2 = v1 with
        {
            Version = 2, Value = Scaled.Parse("0.5703"), Source = "MEE 2023", PublishedOn = new LocalDate(2023, 2, 7),
        };
        FactorLibrary library = FactorLibrary.Empty.With(v1).With(v2);

        Assert.True(library.TryFind(FactorKind.GridEmission, "CN-GRID", 2022, new LocalDate(2023, 1, 1), out var b));
        Assert.True(library.TryFind(FactorKind.GridEmission, "CN-GRID", 2022, new LocalDate(2023, 3, 1), out var a));
        EmissionFactor before = b, after = a;
        Assert.False(library.TryFind(FactorKind.GridEmission, "CN-GRID", 2022, new LocalDate(2022, 5, 31), out _));
        Assert.Equal("GridEmission/CN-GRID/2022/v1", before.Id);
        Assert.Equal("0.5703", after.Value.ToString());
        Assert.True(library.TryGet("GridEmission/CN-GRID/2022/v1", out var pinned));
        Assert.Equal(v1, pinned);
    }

    [Fact]
    public void FactorLibrary_SkippedVersionOrBackdatedCorrection_IsRefused()
    {
        var v1 = new EmissionFactor(FactorKind.OxidationRate, "COAL", 2022, 1, Scaled.Parse("0.99"), "1", "s",
            ParameterBasis.Default, new LocalDate(2022, 6, 1));
        FactorLibrary library = FactorLibrary.Empty.With(v1);

        Assert.Throws<ArgumentException>(() => library.With(v1 with { Version = 3 }));
        Assert.Throws<ArgumentException>(() => library.With(v1));
        Assert.Throws<ArgumentException>(
            () => library.With(v1 with { Version = 2, PublishedOn = new LocalDate(2022, 1, 1) }));
        Assert.Throws<ArgumentException>(() => FactorLibrary.Empty.With(v1 with { Value = Scaled.Parse("-0.1") }));
    }

    [Fact]
    public void DefaultFactors_GridFor2022_IsTheSourcedValueAndCorrectionsAreVersions()
    {
        FactorLibrary library = DefaultFactors.Create();

        Assert.True(library.TryFind(FactorKind.GridEmission, DefaultFactors.NationalGrid, 2022,
            new LocalDate(2023, 3, 31), out EmissionFactor grid));
        Assert.Equal("0.5703", grid.Value.ToString());
        Assert.StartsWith("[F]", grid.Source, StringComparison.Ordinal);
        Assert.True(library.TryFind(FactorKind.GridEmission, DefaultFactors.NationalGrid, 2021,
            new LocalDate(2022, 12, 31), out EmissionFactor revised));
        Assert.Equal(2, revised.Version);
        Assert.All(library.All, f => Assert.Equal(ParameterBasis.Default, f.Basis));
    }

    private static string Text(decimal d) => d.ToString(System.Globalization.CultureInfo.InvariantCulture);

}
