using DocRag.Core.Generation;
using DocRag.TestSupport;
using DocRag.TestSupport.Gguf;
using Microsoft.Extensions.AI;

namespace DocRag.Core.Tests.Generation;

public sealed class ChatPromptFormatterTests
{
    private static readonly ChatMessage[] Chat = [new(ChatRole.User, "Hola"), new(ChatRole.Assistant, "¡Hola!"), new(ChatRole.User, "¿Y?")];

    [Fact]
    public void Format_RecognisedModelTemplate_UsesItWithoutLogging()
    {
        var logger = new ListLogger<LlamaChatClient>();

        var formatter = new ChatPromptFormatter(TestLlamaModel.ChatMlTemplate, "llama3", "m", logger);

        Assert.True(formatter.UsesModelTemplate);
        Assert.Equal("gguf", formatter.Name);
        Assert.StartsWith("<|im_start|>user\nHola<|im_end|>\n<|im_start|>assistant\n¡Hola!<|im_end|>", formatter.Format(Chat, null), StringComparison.Ordinal);
        Assert.Empty(logger.Entries);
    }

    [Fact]
    public void Format_UnrecognisedModelTemplate_FallsBackWithOneWarning()
    {
        var logger = new ListLogger<LlamaChatClient>();

        var formatter = new ChatPromptFormatter("{{ bos_token }}{% for m in messages %}[[{{ m.content }}]]{% endfor %}", "llama3", "weird-model", logger);
        formatter.Format(Chat, null);
        formatter.Format(Chat, null);

        Assert.False(formatter.UsesModelTemplate);
        Assert.Equal("llama3", formatter.Name);
        Assert.Contains("<|start_header_id|>user<|end_header_id|>", formatter.Format(Chat, null), StringComparison.Ordinal);
        var warning = Assert.Single(logger.Entries);
        Assert.Contains("weird-model", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_NoModelTemplate_UsesFallbackSilently()
    {
        var logger = new ListLogger<LlamaChatClient>();

        var formatter = new ChatPromptFormatter(null, "chatml", "m", logger);

        Assert.Equal("chatml", formatter.Name);
        Assert.EndsWith("<|im_start|>user\n¿Y?<|im_end|>\n<|im_start|>assistant\n", formatter.Format(Chat, null), StringComparison.Ordinal);
        Assert.Empty(logger.Entries);
    }

    [Fact]
    public void Format_Instructions_BecomeLeadingSystemMessage()
    {
        var formatter = new ChatPromptFormatter(null, "chatml", "m", new ListLogger<LlamaChatClient>());

        Assert.StartsWith("<|im_start|>system\nCite sources.<|im_end|>\n<|im_start|>user\nHola", formatter.Format(Chat, "Cite sources."), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UnknownFallbackName_Throws()
    {
        Assert.Throws<GenerationModelException>(() => new ChatPromptFormatter(null, "no-such-template", "m", new ListLogger<LlamaChatClient>()));
    }

    [Fact]
    public void Format_NoMessages_Throws()
    {
        var formatter = new ChatPromptFormatter(null, "chatml", "m", new ListLogger<LlamaChatClient>());

        Assert.Throws<ArgumentException>(() => formatter.Format([], null));
    }
}
