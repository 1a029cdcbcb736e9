using System.Text;
using System.Text.Json;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Engine.Journal;
using CarbonLedger.Engine.Serialization;
using NodaTime;

namespace CarbonLedger.Engine.Tests.Journal;

/// <summary>
/// A field added to an event later (the retirement's <c>Event</c>) must not change the bytes, and so the hash, of
/// a retirement journaled without it.
/// </summary>
public sealed class RetirementEventJsonTests
{
    private static UnitsRetired Retired(string? @event) => new(
        Instant.FromUtc(2026, 3, 1, 2, 0), AccountId.Of("E-1"), InstrumentId.Parse("SHCER-2026"), Co2e.FromTonnes(30),
        "Shanghai Marathon organising committee", "carbon-neutral event", new LocalDate(2026, 11, 1),
        new LocalDate(2026, 11, 30), "RC-000000000042", [new SerialRange(1, 30)], @event);

    [Fact]
    public void RetirementBody_WithoutEvent_HasNoEventFieldAndReadsBack()
    {
        string body = Encoding.UTF8.GetString(HashChain.Body(Retired(null)));

        Assert.DoesNotContain("\"Event\"", body, StringComparison.Ordinal);
        Assert.Equal(Retired(null) with { Serials = [] },
            JsonSerializer.Deserialize<UnitsRetired>(body, JournalJson.Options)! with { Serials = [] });
    }

    [Fact]
    public void RetirementBody_WithEvent_CarriesItAndReadsBack()
    {
        string body = Encoding.UTF8.GetString(HashChain.Body(Retired("Shanghai Marathon 2026")));

        Assert.Contains("\"Event\":\"Shanghai Marathon 2026\"", body, StringComparison.Ordinal);
        UnitsRetired read = JsonSerializer.Deserialize<UnitsRetired>(body, JournalJson.Options)!;
        Assert.Equal("Shanghai Marathon 2026", read.Event);
    }
}
