using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Quantities;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace CarbonLedger.Engine.Serialization;

/// <summary>
/// The JSON contract of journaled events: identifiers and instruments as strings, quantities as integer
/// grams, money as integer fen, prices as integer fen per tonne, enums by name, NodaTime values in ISO form.
/// Marten stores events with these settings and the hash chain hashes the events re-serialized with the same
/// settings, so a stored event hashes the same after any round trip through PostgreSQL (jsonb reorders keys;
/// we never hash jsonb text).
/// </summary>
public static class JournalJson
{
    /// <summary>Options shared by Marten and the hash chain.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Adds the contract's converters to <paramref name="options"/> (used to configure Marten).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        options.Converters.Add(new AccountIdConverter());
        options.Converters.Add(new ActorIdConverter());
        options.Converters.Add(new InstrumentIdConverter());
        options.Converters.Add(new Int64ValueConverter<Co2e>(g => new Co2e(g), q => q.Grams));
        options.Converters.Add(new Int64ValueConverter<Vintage>(y => Vintage.Of(checked((int)y)), v => v.Year));
        options.Converters.Add(new Int64ValueConverter<Money>(f => new Money(f), m => m.Fen));
        options.Converters.Add(new Int64ValueConverter<Price>(f => new Price(f), p => p.FenPerTonne));
        options.Converters.Add(new ScaledConverter());
        options.Converters.Add(new JsonStringEnumConverter());
    }

    /// <summary>
    /// Fields added to an event after it was first journaled are written only when set: a retirement without an
    /// event (every retirement journaled before <see cref="UnitsRetired.Event"/> existed) re-serializes to the
    /// exact bytes the hash chain covered.
    /// </summary>
    internal static void OmitUnsetLaterFields(JsonTypeInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (info.Type == typeof(UnitsRetired))
        {
            foreach (JsonPropertyInfo property in info.Properties)
            {
                if (property.Name == nameof(UnitsRetired.Event))
                {
                    property.ShouldSerialize = static (_, value) => value is not null;
                }
            }
        }
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitUnsetLaterFields } },
        };
        Configure(options);
        options.MakeReadOnly();
        return options;
    }
}
