using DocRag.Native.Llama;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace DocRag.Core.Generation;

/// <summary>
/// Turns chat messages into the model's prompt with llama.cpp's template support: the GGUF's own template when llama.cpp
/// recognises it, else the configured built-in one (decided once, with one log line on fallback).
/// </summary>
internal sealed class ChatPromptFormatter
{
    private readonly string _template;

    public ChatPromptFormatter(string? modelTemplate, string fallbackName, string modelId, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(modelTemplate)
            && LlamaChatTemplate.TryApply(modelTemplate, [new("user", "ping")], addAssistant: true) is not null)
        {
            _template = modelTemplate;
            UsesModelTemplate = true;
            Name = "gguf";
            return;
        }

        if (!string.IsNullOrWhiteSpace(modelTemplate))
        {
            Log.ChatTemplateFallback(logger, modelId, fallbackName);
        }

        if (LlamaChatTemplate.TryApply(fallbackName, [new("user", "ping")], addAssistant: true) is null)
        {
            throw new GenerationModelException($"The fallback chat template '{fallbackName}' is not a llama.cpp built-in template.");
        }

        _template = fallbackName;
        Name = fallbackName;
    }

    /// <summary>"gguf" when the model's template is used, else the built-in template's name.</summary>
    public string Name { get; }

    public bool UsesModelTemplate { get; }

    /// <summary>The prompt for <paramref name="messages"/>, ending with the opening of the assistant's reply.</summary>
    public string Format(IEnumerable<ChatMessage> messages, string? instructions)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var turns = new List<LlamaChatTurn>();
        if (!string.IsNullOrWhiteSpace(instructions))
        {
            turns.Add(new("system", instructions));
        }

        foreach (var message in messages)
        {
            turns.Add(new(message.Role.Value, message.Text));
        }

        if (turns.Count == 0)
        {
            throw new ArgumentException("At least one chat message is needed.", nameof(messages));
        }

        return LlamaChatTemplate.TryApply(_template, turns, addAssistant: true)
            ?? throw new InvalidOperationException($"llama.cpp could not apply the '{Name}' chat template.");
    }
}
