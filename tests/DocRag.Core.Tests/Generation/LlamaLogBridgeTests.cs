using DocRag.Core.Generation;
using DocRag.Native.Llama;
using DocRag.TestSupport;
using DocRag.TestSupport.Gguf;
using Microsoft.Extensions.Logging;

namespace DocRag.Core.Tests.Generation;

[Collection(LlamaLogSinkGroup.Name)] // llama.cpp's log sink is process-wide
public sealed class LlamaLogBridgeTests
{
    [Fact]
    public void Attach_ModelLoad_SendsLlamaLinesToDocRagLlamaCategory()
    {
        using var dir = new TempDirectory();
        var provider = new ListLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(provider).SetMinimumLevel(LogLevel.Trace));

        LlamaLogBridge.Attach(factory);
        try
        {
            using var model = LlamaModel.Load(TestLlamaModel.WriteTiny(dir.Path));
        }
        finally
        {
            LlamaLog.SetSink(null);
        }

        var lines = provider.Entries.Where(e => e.Category == LlamaLogBridge.Category).ToList();
        Assert.Contains(lines, e => e.Level == LogLevel.Debug && e.Message.Contains("llama_model_loader", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, e => e.Level is LogLevel.Information or LogLevel.Critical);
    }

    [Theory]
    [InlineData(GgmlLogLevel.Error, LogLevel.Error)]
    [InlineData(GgmlLogLevel.Warn, LogLevel.Warning)]
    [InlineData(GgmlLogLevel.Info, LogLevel.Debug)]
    [InlineData(GgmlLogLevel.Debug, LogLevel.Trace)]
    public void Map_LlamaLevels_ToLoggerLevels(GgmlLogLevel level, LogLevel expected)
    {
        Assert.Equal(expected, LlamaLogBridge.Map(level));
    }
}
