using System.Collections.Concurrent;
using DocRag.Native.Llama;
using DocRag.TestSupport;
using DocRag.TestSupport.Gguf;

namespace DocRag.Native.Tests.Llama;

[Collection(nameof(LlamaLogTests))] // the sink is process-wide
public sealed class LlamaLogTests
{
    [Fact]
    public void SetSink_ModelLoad_RoutesCompleteLinesInsteadOfStderr()
    {
        using var dir = new TempDirectory();
        var path = TestLlamaModel.WriteTiny(dir.Path);
        var lines = new ConcurrentQueue<(GgmlLogLevel Level, string Text)>();
        LlamaLog.SetSink((level, text) => lines.Enqueue((level, text)));
        try
        {
            using var model = LlamaModel.Load(path);
        }
        finally
        {
            LlamaLog.SetSink(null);
        }

        Assert.Contains(lines, l => l.Text.Contains("llama_model_loader", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.DoesNotContain('\n', l.Text));
        Assert.All(lines, l => Assert.NotEqual(GgmlLogLevel.Continue, l.Level));
    }

    [Fact]
    public void SetSink_SinkThrows_NativeCallStillSucceeds()
    {
        using var dir = new TempDirectory();
        var path = TestLlamaModel.WriteTiny(dir.Path);
        var calls = 0;
        LlamaLog.SetSink((_, _) =>
        {
            Interlocked.Increment(ref calls);
            throw new InvalidOperationException("a broken logger");
        });
        try
        {
            using var model = LlamaModel.Load(path);
            Assert.Equal("llama", model.Architecture);
        }
        finally
        {
            LlamaLog.SetSink(null);
        }

        Assert.True(calls > 0);
    }
}
