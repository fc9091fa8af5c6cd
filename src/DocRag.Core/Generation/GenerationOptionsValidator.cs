using DocRag.Native.Llama;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Generation;

/// <summary>Checks what data annotations cannot: the fallback template must be one llama.cpp knows by name.</summary>
public sealed class GenerationOptionsValidator : IValidateOptions<GenerationOptions>
{
    public ValidateOptionsResult Validate(string? name, GenerationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> builtins;
        try
        {
            builtins = LlamaChatTemplate.BuiltinNames;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException or LLama.Exceptions.RuntimeError)
        {
            return ValidateOptionsResult.Skip; // no llama.cpp here: the generator reports that when it loads
        }

        return builtins.Contains(options.FallbackChatTemplate, StringComparer.Ordinal)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"DocRag:Generation:FallbackChatTemplate '{options.FallbackChatTemplate}' is not a llama.cpp built-in template; use one of: {string.Join(", ", builtins)}");
    }
}
