using System.Collections.Concurrent;
using DocRag.Native.Onnx;
using DocRag.TestSupport;
using DocRag.TestSupport.Onnx;

namespace DocRag.Native.Tests.Onnx;

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
            using var session = OnnxSession.Create(path, new OnnxSessionSettings { ExecutionProvider = OnnxExecutionProvider.Cpu, IntraOpThreads = 1 });

            Assert.Contains(lines, l => l.Level == OrtLoggingLevel.Warning && l.Message.Contains("unused_docrag_probe", StringComparison.Ordinal));
        }
        finally
        {
            OnnxEnvironment.SetLogSink(null);
        }
    }

    [Fact]
    public void BuildInfo_IsReported()
    {
        Assert.Contains("build type", OnnxEnvironment.BuildInfo, StringComparison.Ordinal);
    }
}
