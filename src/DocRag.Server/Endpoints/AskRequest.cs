using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using DocRag.Core.Answering;

namespace DocRag.Server.Endpoints;

/// <summary>The body of <c>POST /v1/ask</c>.</summary>
/// <param name="Question">The question, in any language (answers follow it; English and Spanish instructions).</param>
/// <param name="Collection">Only this collection (a scoped key may only name its own).</param>
/// <param name="TopK">Passages to retrieve (default <c>DocRag:Answering:TopK</c>).</param>
/// <param name="Mode"><c>generative</c> or <c>extractive</c>; absent = generative when a generator model is loaded, else extractive.</param>
/// <param name="SearchMode"><c>keyword</c>, <c>vector</c> or <c>hybrid</c>; absent = hybrid when an embedding model is loaded, else keyword.</param>
/// <param name="Stream">True: answer as Server-Sent Events (<c>token</c>, <c>citations</c>, <c>done</c>).</param>
/// <param name="MaxTokens">Most tokens to generate (default <c>DocRag:Answering:MaxOutputTokens</c>).</param>
/// <param name="Temperature">Sampling temperature (default <c>DocRag:Answering:Temperature</c>).</param>
/// <param name="Seed">Random seed, for reproducible sampling.</param>
public sealed record AskRequest(
    [property: Required, StringLength(AnswerRequest.MaxQuestionLength, MinimumLength = 1)] string Question,
    [property: StringLength(200, MinimumLength = 1)] string? Collection = null,
    [property: Range(1, 100)] int? TopK = null,
    [property: JsonConverter(typeof(StrictAnswerModeConverter))] AnswerMode? Mode = null,
    [property: AllowedValues("keyword", "vector", "hybrid", null)] string? SearchMode = null,
    bool Stream = false,
    [property: Range(1, 32_768)] int? MaxTokens = null,
    [property: Range(0.0, 2.0)] float? Temperature = null,
    long? Seed = null);
