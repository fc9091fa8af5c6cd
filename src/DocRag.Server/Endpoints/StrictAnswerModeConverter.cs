using System.Text.Json.Serialization;
using DocRag.Core.Answering;

namespace DocRag.Server.Endpoints;

/// <summary>
/// <c>mode</c> as one of its names only: the enum's own converter also takes <c>7</c>, <c>-1</c> or <c>"1"</c>, which
/// would pass as modes that do not exist.
/// </summary>
public sealed class StrictAnswerModeConverter() : JsonStringEnumConverter<AnswerMode>(namingPolicy: null, allowIntegerValues: false);
