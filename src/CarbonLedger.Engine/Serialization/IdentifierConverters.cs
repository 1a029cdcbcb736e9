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

/// <summary>
/// A quantity as a JSON integer in its unit (grams, fen, fen per tonne, a year): exact, no floating point ever.
/// One converter serves every integer-backed value type, so each differs only in how it is built and read.
/// </summary>
internal sealed class Int64ValueConverter<T>(Func<long, T> create, Func<T, long> read) : JsonConverter<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        create(reader.GetInt64());

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(read(value));
}
