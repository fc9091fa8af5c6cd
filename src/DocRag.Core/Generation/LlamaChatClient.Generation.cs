using System.Diagnostics;
using System.Runtime.CompilerServices;
using DocRag.Native.Llama;
using Microsoft.Extensions.AI;

namespace DocRag.Core.Generation;

/// <summary>The token loop: prompt decode, then sample, stream, stop; one context for the whole request.</summary>
public sealed partial class LlamaChatClient
{
    private async IAsyncEnumerable<ChatResponseUpdate> GenerateAsync(
        string prompt, bool parseSpecial, ChatOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = ResolveRequest(options);
        var vocab = _model.Vocabulary;
        var tokens = vocab.Tokenize(prompt, addSpecial: true, parseSpecial);
        if (tokens.Length >= Info.ContextSize)
        {
            throw new GenerationPromptTooLongException(tokens.Length, Info.ContextSize);
        }

        var clock = Stopwatch.StartNew();
        using var lease = await _pool.AcquireAsync(cancellationToken).ConfigureAwait(false);
        using var sampler = LlamaSampler.Create(request.Sampling, vocab);
        var context = lease.Context;
        await Task.Run(
            () =>
            {
                context.ClearMemory();
                context.Decode(tokens, cancellationToken);
            },
            cancellationToken).ConfigureAwait(false);

        var responseId = Guid.NewGuid().ToString("N");
        var created = DateTimeOffset.UtcNow;
        var decoder = new Utf8PieceDecoder();
        var stops = new StopSequenceMatcher(request.StopSequences);
        var piece = new byte[256];
        var generated = 0;
        var finish = ChatFinishReason.Length;
        while (generated < request.MaxOutputTokens)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var token = context.Sample(sampler);
            if (!request.IgnoreEndOfGeneration && vocab.IsEndOfGeneration(token))
            {
                finish = ChatFinishReason.Stop;
                break;
            }

            generated++;
            if (!vocab.TryWritePiece(token, piece, special: false, out var length))
            {
                piece = new byte[length];
                vocab.TryWritePiece(token, piece, special: false, out length);
            }

            var text = stops.Append(decoder.Decode(piece.AsSpan(0, length)));
            if (text.Length > 0)
            {
                yield return Update(responseId, created, text);
            }

            if (stops.Stopped)
            {
                finish = ChatFinishReason.Stop;
                break;
            }

            if (generated == request.MaxOutputTokens || context.Position >= context.ContextSize)
            {
                break; // length: out of budget or out of context
            }

            await Task.Run(() => context.Decode([token], cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        var rest = stops.Append(decoder.Flush()) + stops.Flush();
        var usage = new UsageDetails { InputTokenCount = tokens.Length, OutputTokenCount = generated, TotalTokenCount = tokens.Length + generated };
        var final = Update(responseId, created, rest);
        final.Contents.Add(new UsageContent(usage));
        final.FinishReason = finish;
        Log.GenerationCompleted(_logger, generated, tokens.Length, finish.Value, clock.ElapsedMilliseconds);
        yield return final;
    }

    private ChatResponseUpdate Update(string responseId, DateTimeOffset created, string text)
    {
        var update = new ChatResponseUpdate(ChatRole.Assistant, text.Length > 0 ? [new TextContent(text)] : [])
        {
            ResponseId = responseId,
            MessageId = responseId,
            CreatedAt = created,
            ModelId = _metadata.DefaultModelId,
        };
        return update;
    }
}
