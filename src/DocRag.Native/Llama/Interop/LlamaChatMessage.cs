using System.Runtime.InteropServices;

namespace DocRag.Native.Llama.Interop;

/// <summary><c>struct llama_chat_message</c>: two NUL-terminated UTF-8 strings.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LlamaChatMessage
{
    public byte* Role;
    public byte* Content;
}
