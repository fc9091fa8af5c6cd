using DocRag.Native.Llama;
using DocRag.TestSupport;
using DocRag.TestSupport.Gguf;

namespace DocRag.Native.Tests.Llama;

public sealed class LlamaChatTemplateTests
{
    private static readonly LlamaChatTurn[] Chat =
    [
        new("system", "You answer briefly."),
        new("user", "¿Qué hora es?"),
    ];

    private const string ChatMl =
        "<|im_start|>system\nYou answer briefly.<|im_end|>\n<|im_start|>user\n¿Qué hora es?<|im_end|>\n<|im_start|>assistant\n";

    [Fact]
    public void BuiltinNames_IncludeCommonTemplates()
    {
        Assert.Contains("chatml", LlamaChatTemplate.BuiltinNames);
        Assert.Contains("llama3", LlamaChatTemplate.BuiltinNames);
        Assert.Contains("gemma", LlamaChatTemplate.BuiltinNames);
    }

    [Fact]
    public void TryApply_ChatMlByName_FormatsMessages()
    {
        Assert.Equal(ChatMl, LlamaChatTemplate.TryApply("chatml", Chat, addAssistant: true));
    }

    [Fact]
    public void TryApply_JinjaTemplateFromGeneratedGguf_IsRecognisedAsChatMl()
    {
        using var dir = new TempDirectory();
        using var model = LlamaModel.Load(TestLlamaModel.WriteTiny(dir.Path), new LlamaModelLoadOptions { VocabOnly = true });

        var prompt = LlamaChatTemplate.TryApply(model.ChatTemplate!, Chat, addAssistant: true);

        Assert.Equal(ChatMl, prompt);
    }

    [Fact]
    public void TryApply_WithoutAssistantOpening_EndsAfterLastMessage()
    {
        var prompt = LlamaChatTemplate.TryApply("chatml", Chat, addAssistant: false);

        Assert.EndsWith("¿Qué hora es?<|im_end|>\n", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void TryApply_UnknownTemplate_ReturnsNull()
    {
        Assert.Null(LlamaChatTemplate.TryApply("{{ messages | tojson }}", Chat, addAssistant: true));
    }

    [Fact]
    public void TryApply_LongMessage_IsNotTruncated()
    {
        var longText = new string('x', 10_000);

        var prompt = LlamaChatTemplate.TryApply("llama3", [new("user", longText)], addAssistant: true);

        Assert.Contains(longText, prompt, StringComparison.Ordinal);
    }
}
