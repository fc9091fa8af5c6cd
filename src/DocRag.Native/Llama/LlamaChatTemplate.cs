using System.Runtime.InteropServices;
using System.Text;
using LLama.Native;

namespace DocRag.Native.Llama;

/// <summary>
/// llama.cpp's chat formatting (<c>llama_chat_apply_template</c>, through LLamaSharp): it recognises a fixed set of
/// templates, either by name ("chatml", "llama3", ...) or by spotting their markers in a GGUF's Jinja template. It
/// does not run Jinja.
/// </summary>
public static unsafe class LlamaChatTemplate
{
    private static readonly Lazy<IReadOnlyList<string>> Builtins = new(ReadBuiltins);

    /// <summary>The names of the templates llama.cpp has built in.</summary>
    public static IReadOnlyList<string> BuiltinNames => Builtins.Value;

    /// <summary>
    /// Formats <paramref name="messages"/> with <paramref name="template"/> (a built-in name or a Jinja template text);
    /// <paramref name="addAssistant"/> ends with the opening of the assistant's reply. Returns null when llama.cpp
    /// does not recognise the template.
    /// </summary>
    public static string? TryApply(string template, IReadOnlyList<LlamaChatTurn> messages, bool addAssistant)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(messages);
        LlamaBackend.EnsureLoaded();
        var strings = new List<nint>((messages.Count * 2) + 1);
        try
        {
            var tmpl = (byte*)Utf8(strings, template);
            var chat = new LLamaChatMessage[messages.Count];
            var total = 0;
            for (var i = 0; i < messages.Count; i++)
            {
                chat[i].role = (byte*)Utf8(strings, messages[i].Role);
                chat[i].content = (byte*)Utf8(strings, messages[i].Content);
                total += messages[i].Role.Length + messages[i].Content.Length;
            }

            var buffer = new byte[Math.Max(256, (total * 2) + 256)];
            while (true)
            {
                int n;
                fixed (LLamaChatMessage* c = chat)
                fixed (byte* b = buffer)
                {
                    n = NativeApi.llama_chat_apply_template(tmpl, c, (nuint)chat.Length, addAssistant, b, buffer.Length);
                }

                if (n < 0)
                {
                    return null;
                }

                if (n <= buffer.Length)
                {
                    return Encoding.UTF8.GetString(buffer, 0, n);
                }

                buffer = new byte[n];
            }
        }
        finally
        {
            foreach (var p in strings)
            {
                Marshal.FreeCoTaskMem(p);
            }
        }
    }

    private static nint Utf8(List<nint> owned, string value)
    {
        var p = Marshal.StringToCoTaskMemUTF8(value);
        owned.Add(p);
        return p;
    }

    private static IReadOnlyList<string> ReadBuiltins()
    {
        LlamaBackend.EnsureLoaded();
        var n = NativeApi.llama_chat_builtin_templates(null, 0);
        var names = new nint[Math.Max(n, 0)];
        fixed (nint* p = names)
        {
            // LLamaSharp declares the C "const char **" as char**: only the pointers matter here.
            n = NativeApi.llama_chat_builtin_templates((char**)p, (nuint)names.Length);
        }

        return [.. names.Take(n).Select(p => Marshal.PtrToStringUTF8(p) ?? string.Empty)];
    }
}
