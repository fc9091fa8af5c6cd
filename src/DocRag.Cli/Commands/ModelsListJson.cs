using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DocRag.Core.Models;

namespace DocRag.Cli.Commands;

/// <summary>The JSON shape of <c>docrag models list --json</c> (stable: scripts read it).</summary>
internal static class ModelsListJson
{
    public static string Write(string modelsDirectory, IReadOnlyList<ModelStatus> statuses, IReadOnlyList<LocalModel> unknown, Uri baseUrl)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("modelsDirectory", modelsDirectory);
            json.WriteStartArray("models");
            foreach (var status in statuses)
            {
                WriteModel(json, status, baseUrl);
            }

            json.WriteEndArray();
            json.WriteStartArray("unknownModels");
            foreach (var model in unknown)
            {
                json.WriteStartObject();
                json.WriteString("name", model.Name);
                json.WriteString("format", model.Format == LocalModelFormat.Gguf ? "gguf" : "onnx");
                json.WriteString("path", model.Path);
                json.WriteNumber("sizeBytes", model.Bytes);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteModel(Utf8JsonWriter json, ModelStatus status, Uri baseUrl)
    {
        var model = status.Model;
        json.WriteStartObject();
        json.WriteString("name", model.Name);
        json.WriteString("role", ModelsListCommand.Role(model.Role));
        json.WriteString("languages", model.Languages);
        json.WriteString("licence", model.Licence);
        json.WriteNumber("sizeBytes", model.ApproximateBytes);
        json.WriteString("repository", model.Repository);
        json.WriteString("revision", model.Revision);
        json.WriteString("source", model.Source);
        if (model.Package is { } package)
        {
            json.WriteStartObject("package");
            json.WriteString("id", package.Id);
            json.WriteString("version", package.Version);
            json.WriteString("sha512", package.Sha512);
            json.WriteString("assembly", package.Assembly);
            json.WriteEndObject();
        }
        json.WriteString("status", status.State switch
        {
            ModelInstallState.Downloaded => "downloaded",
            ModelInstallState.Partial => "partial",
            _ => "not-downloaded",
        });
        json.WriteBoolean("downloaded", status.State == ModelInstallState.Downloaded);
        json.WriteString("directory", status.Directory);
        json.WriteString("primaryFile", model.PrimaryFile.LocalPath);
        if (model.Embedding is { } embedding)
        {
            json.WriteNumber("dimension", embedding.Dimension);
            json.WriteString("queryPrefix", embedding.QueryPrefix);
            json.WriteString("passagePrefix", embedding.PassagePrefix);
            json.WriteString("pooling", embedding.Pooling);
            if (embedding.Languages is { } languages)
            {
                json.WriteStartArray("languageCodes");
                foreach (var language in languages)
                {
                    json.WriteStringValue(language);
                }

                json.WriteEndArray();
            }
        }

        if (model.Generator is { } generator)
        {
            json.WriteNumber("contextLength", generator.ContextLength);
            json.WriteString("chatTemplate", generator.ChatTemplate);
        }

        json.WriteStartArray("files");
        foreach (var file in model.Files)
        {
            json.WriteStartObject();
            json.WriteString("path", file.LocalPath);
            if (model.Package is null)
            {
                json.WriteString("url", HuggingFaceUrl.Resolve(baseUrl, model, file).AbsoluteUri);
            }
            else
            {
                json.WriteString("resource", file.RepoPath);
            }

            WriteNullable(json, "sizeBytes", file.Size);
            json.WriteString("sha256", file.Sha256);
            json.WriteBoolean("pinned", file.IsPinned);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, long? value)
    {
        if (value is long number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
