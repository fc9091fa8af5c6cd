using OpenAI.Chat;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AiChatOptions = Microsoft.Extensions.AI.ChatOptions;
using AiChatRole = Microsoft.Extensions.AI.ChatRole;
using AiFinishReason = Microsoft.Extensions.AI.ChatFinishReason;
using AiUsage = Microsoft.Extensions.AI.UsageDetails;

namespace DocRag.Core.Remote;

/// <summary>Microsoft.Extensions.AI messages and options to the OpenAI client's, and its results back.</summary>
public sealed partial class OpenAiChatClient
{
    internal static List<ChatMessage> ToOpenAi(IEnumerable<AiChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var converted = new List<ChatMessage>();
        foreach (var message in messages)
        {
            if (message.Role == AiChatRole.System)
            {
                converted.Add(new SystemChatMessage(message.Text));
            }
            else if (message.Role == AiChatRole.User)
            {
                converted.Add(new UserChatMessage(message.Text));
            }
            else if (message.Role == AiChatRole.Assistant)
            {
                converted.Add(new AssistantChatMessage(message.Text));
            }
            else
            {
                throw new NotSupportedException($"Messages with role '{message.Role}' cannot be sent to the remote generator.");
            }
        }

        return converted;
    }

    internal static ChatCompletionOptions ToOpenAi(AiChatOptions? options)
    {
        var converted = new ChatCompletionOptions
        {
            MaxOutputTokenCount = options?.MaxOutputTokens,
            Temperature = options?.Temperature,
            TopP = options?.TopP,
        };
#pragma warning disable OPENAI001 // the client marks Seed experimental; it is a plain field of the protocol
        converted.Seed = options?.Seed;
#pragma warning restore OPENAI001
        foreach (var stop in options?.StopSequences ?? [])
        {
            converted.StopSequences.Add(stop);
        }

        if (options?.Instructions is { Length: > 0 })
        {
            throw new NotSupportedException("Pass instructions as a system message.");
        }

        return converted;
    }

    private static AiFinishReason ToFinishReason(ChatFinishReason reason) => reason switch
    {
        ChatFinishReason.Length => AiFinishReason.Length,
        ChatFinishReason.ContentFilter => AiFinishReason.ContentFilter,
        ChatFinishReason.ToolCalls or ChatFinishReason.FunctionCall => AiFinishReason.ToolCalls,
        _ => AiFinishReason.Stop,
    };

    private static AiUsage ToUsage(ChatTokenUsage usage) => new()
    {
        InputTokenCount = usage.InputTokenCount,
        OutputTokenCount = usage.OutputTokenCount,
        TotalTokenCount = usage.TotalTokenCount,
    };
}
