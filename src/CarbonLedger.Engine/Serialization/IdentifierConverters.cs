using System.Text.Json;
using System.Text.Json.Serialization;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Engine.Serialization;

/// <summary>Account ids as plain JSON strings (validated when read back).</summary>
internal sealed class AccountIdConverter : JsonConverter<AccountId>
{
    public override AccountId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        AccountId.Of(reader.GetString()!);

    public override void Write(Utf8JsonWriter writer, AccountId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}

/// <summary>Actor ids as plain JSON strings.</summary>
internal sealed class ActorIdConverter : JsonConverter<ActorId>
{
    public override ActorId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ActorId.Of(reader.GetString()!);

    public override void Write(Utf8JsonWriter writer, ActorId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}

/// <summary>Instruments as their canonical text, <c>CEA-2024</c>.</summary>
internal sealed class InstrumentIdConverter : JsonConverter<InstrumentId>
{
    public override InstrumentId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        InstrumentId.Parse(reader.GetString()!);

    public override void Write(Utf8JsonWriter writer, InstrumentId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}

/// <summary>Quantities as a JSON integer of grams (exact; no floating point ever).</summary>
internal sealed class Co2eConverter : JsonConverter<Co2e>
{
    public override Co2e Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetInt64());

    public override void Write(Utf8JsonWriter writer, Co2e value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.Grams);
}

/// <summary>Vintages as a JSON integer year.</summary>
internal sealed class VintageConverter : JsonConverter<Vintage>
{
    public override Vintage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Vintage.Of(reader.GetInt32());

    public override void Write(Utf8JsonWriter writer, Vintage value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.Year);
}

/// <summary>Money as a JSON integer of fen.</summary>
internal sealed class MoneyConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetInt64());

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.Fen);
}

/// <summary>Prices as a JSON integer of fen per tonne.</summary>
internal sealed class PriceConverter : JsonConverter<Price>
{
    public override Price Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetInt64());

    public override void Write(Utf8JsonWriter writer, Price value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.FenPerTonne);
}
