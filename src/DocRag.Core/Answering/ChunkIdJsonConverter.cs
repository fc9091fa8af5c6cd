using System.Text.Json;
using System.Text.Json.Serialization;
using DocRag.Core.Storage;

namespace DocRag.Core.Answering;

/// <summary>Writes a <see cref="ChunkId"/> as a plain number.</summary>
internal sealed class ChunkIdJsonConverter : JsonConverter<ChunkId>
{
    public override ChunkId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetInt64());

    public override void Write(Utf8JsonWriter writer, ChunkId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.Value);
    }
}
