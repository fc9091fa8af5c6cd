using System.Text;
using DocRag.TestSupport.Gguf;

namespace DocRag.Core.Tests.Generation;

/// <summary>Broken and wrong model files of the kinds users end up with, written from the tiny generated model.</summary>
internal static class DamagedModels
{
    public const string Truncated = "truncated";
    public const string TruncatedHeader = "truncated-header";
    public const string PlainText = "plain-text";
    public const string HtmlPage = "html-page";
    public const string RandomBytes = "random-bytes";
    public const string UnsupportedArchitecture = "unsupported-architecture";
    public const string AbortsLlamaCpp = "aborts-llama-cpp";

    public static string Write(string directory, string kind)
    {
        var path = Path.Combine(directory, kind + ".gguf");
        switch (kind)
        {
            case Truncated:
                var good = File.ReadAllBytes(TestLlamaModel.WriteTiny(directory, "whole.gguf"));
                File.WriteAllBytes(path, good[..(good.Length * 2 / 3)]); // an interrupted download
                break;
            case TruncatedHeader:
                File.WriteAllBytes(path, File.ReadAllBytes(TestLlamaModel.WriteTiny(directory, "whole.gguf"))[..200]);
                break;
            case PlainText:
                File.WriteAllText(path, "These are notes, saved with the wrong extension.\n");
                break;
            case HtmlPage:
                File.WriteAllText(path, "<!DOCTYPE html><html><body>404 Not Found</body></html>");
                break;
            case RandomBytes:
                var bytes = new byte[64 * 1024];
                new Random(5).NextBytes(bytes);
                File.WriteAllBytes(path, bytes);
                break;
            case UnsupportedArchitecture:
                TestLlamaModel.Write(path, LlamaModelShape.Tiny, architecture: "docrag-unknown-arch");
                break;
            case AbortsLlamaCpp:
                // 4 query heads over 3 KV heads is not a whole GQA ratio: the file loads, then ggml's
                // GGML_ASSERT(ggml_can_mul_mat(k, q)) aborts the process on the first decode.
                TestLlamaModel.Write(path, LlamaModelShape.Tiny with { KvHeads = 3 });
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }

        return path;
    }

    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
