namespace DocRag.Core.Embeddings.Tokenization.Json;

/// <summary>What tokenizer.json describes: the model type, the pipeline, and its padding settings when it has them.</summary>
internal sealed record TokenizerDefinition(string ModelType, TokenizerPipeline Pipeline, int? PadId, string? PadToken);
