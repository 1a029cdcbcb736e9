using System.Text.Json;
using System.Text.Json.Serialization;
using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Engine.Serialization;

/// <summary>
/// A published parameter as the JSON string of its digits (<c>"21.000"</c>): exact, the reported precision
/// kept, never a JSON number (which readers may turn into floating point).
/// </summary>
internal sealed class ScaledConverter : JsonConverter<Scaled>
{
    public override Scaled Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Scaled.Parse(reader.GetString()!);

    public override void Write(Utf8JsonWriter writer, Scaled value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
