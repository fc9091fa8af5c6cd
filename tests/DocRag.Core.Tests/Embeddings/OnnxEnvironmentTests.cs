using System.Collections.Concurrent;
using DocRag.Core.Embeddings;
using DocRag.TestSupport;
using DocRag.TestSupport.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace DocRag.Core.Tests.Embeddings;

[Collection(OnnxLogSinkGroup.Name)] // ORT's log sink is process-wide
public sealed class OnnxEnvironmentTests
{
    [Fact]
    public void LogSink_ReceivesOrtWarnings_AndAThrowingSinkDoesNotCrash()
    {
        using var dir = new TempDirectory();
        var builder = new OnnxModelBuilder("g");
        builder.AddInput("x", OnnxModelBuilder.ElementFloat, 2);
        builder.AddInitializer("unused_docrag_probe", [1f, 2f], 2);
        builder.NodeTo("Identity", ["x"], ["y"]);
        builder.AddOutput("y", OnnxModelBuilder.ElementFloat, 2);
        var path = dir.Combine("unused.onnx");
        File.WriteAllBytes(path, builder.Build());
        var lines = new ConcurrentQueue<(OrtLoggingLevel Level, string Message)>();
        OnnxEnvironment.SetLogSink((level, message) =>
        {
            lines.Enqueue((level, message));
            throw new InvalidOperationException("a broken sink");
        });
        try
        {
            using var session = OnnxModelSession.Create(path, OnnxExecutionProvider.Cpu, threads: 1);

            Assert.Contains(lines, l => l.Level == OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING && l.Message.Contains("unused_docrag_probe", StringComparison.Ordinal));
        }
        finally
        {
            OnnxEnvironment.SetLogSink(null);
        }
    }
}
