using System.Text.Json;
using System.Text.Json.Serialization;
using DocRag.Core.Storage;

namespace DocRag.Core.Answering;

/// <summary>Writes a <see cref="DocumentId"/> as the plain number clients pass back to <c>/v1/documents/{id}</c>.</summary>
internal sealed class DocumentIdJsonConverter : JsonConverter<DocumentId>
{
    public override DocumentId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetInt64());

    public override void Write(Utf8JsonWriter writer, DocumentId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.Value);
    }
}
