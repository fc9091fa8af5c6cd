using System.Globalization;
using System.Text;
using DocRag.TestSupport;

namespace DocRag.Cli.Tests.Commands;

/// <summary>Markdown files of varying length in nine sub-folders, for the kill tests; a variant changes every fifth file.</summary>
internal static class KillTestCorpus
{
    public static void Write(TempDirectory folder, int files, int variant = 0)
    {
        for (var i = 0; i < files; i++)
        {
            var sb = new StringBuilder($"# Document {i}\n\n");
            for (var s = 0; s < 5 + (i % 7); s++)
            {
                sb.Append(CultureInfo.InvariantCulture, $"## Section {s}\n\nParagraph {s} of file {i} variant {(i % 5 == 0 ? variant : 0)} talks about topic {(i * 31 + s) % 97} and item {s * i}. ");
                sb.Append(string.Join(' ', Enumerable.Range(0, 30 + (i % 11)).Select(w => $"word{(w * i + s) % 211}"))).Append(".\n\n");
            }

            folder.WriteText($"group{i % 9}/file{i:D4}.md", sb.ToString());
        }
    }
}
