using System.Diagnostics;
using DocRag.Core.Generation.Gguf;
using DocRag.Core.Generation.Probe;
using DocRag.Native;
using DocRag.Native.Llama;
using Microsoft.Extensions.Logging;

namespace DocRag.Core.Generation;

/// <summary>Finding the model file, checking it, and loading it in-process.</summary>
public sealed partial class GenerationModelHost
{
    /// <summary>The model file the options point to, or null with the reason.</summary>
    internal string? ResolveModelPath(out string? reason)
    {
        reason = null;
        var configured = _options.Model?.Trim();
        var models = _paths.ModelsPath;
        if (string.IsNullOrEmpty(configured))
        {
            var found = Directory.Exists(models)
                ? Directory.EnumerateFiles(models, "*.gguf", SearchOption.AllDirectories).Order(StringComparer.Ordinal).FirstOrDefault()
                : null;
            reason = found is null ? $"no *.gguf model in {models} (set DocRag:Generation:Model or run 'docrag models pull')" : null;
            return found;
        }

        foreach (var candidate in new[] { configured, Path.Combine(models, configured) })
        {
            if (File.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        reason = $"model file '{configured}' not found (as given, or in {models})";
        return null;
    }

    private async Task<LlamaChatClient> LoadAsync(string path, ModelFileStamp stamp, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var summary = GgufFileValidator.Validate(path);
        LlamaLogBridge.Attach(_loggerFactory);
        if (_probeCache.TryGet(stamp, out _))
        {
            Log.ModelProbeCached(_logger, path);
        }
        else
        {
            Log.ModelProbeStarted(_logger, path);
            ModelProbeFacts facts;
            try
            {
                facts = await _probe.ProbeAsync(path, TimeSpan.FromSeconds(_options.ProbeTimeoutSeconds), cancellationToken).ConfigureAwait(false);
            }
            catch (GenerationModelException ex) when (ex.Message.StartsWith("llama.cpp ", StringComparison.Ordinal))
            {
                // Refused or crashed: say plainly which architecture this llama.cpp build could not take.
                throw new GenerationModelException(
                    path,
                    $"{ex.Message} (the file's architecture is '{summary.Architecture}'; DocRag runs llama.cpp {NativeVersions.LlamaCppCommit} from LLamaSharp {NativeVersions.LlamaSharp}, which may not support it)",
                    ex);
            }

            _probeCache.Add(stamp, facts);
        }

        var (requestedLayers, gpu) = ResolveGpu();
        var model = await Task.Run(() => LlamaModel.Load(path, new LlamaModelLoadOptions { GpuLayers = requestedLayers }), cancellationToken)
            .ConfigureAwait(false);
        try
        {
            var layers = gpu is null ? 0 : requestedLayers < 0 ? model.LayerCount : Math.Min(requestedLayers, model.LayerCount);
            var device = layers > 0 && gpu is not null ? gpu.Description : "CPU";
            var client = new LlamaChatClient(model, _options, _loggerFactory.CreateLogger<LlamaChatClient>(), layers, device);
            var info = client.Info;
            Log.GenerationModelLoaded(_logger, info.ModelId, info.Description, info.Parameters, info.ContextSize, info.TrainContextSize,
                info.Device, info.GpuLayers, info.ChatTemplate, clock.ElapsedMilliseconds);
            return client;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>GPU layers to ask llama.cpp for (default: all when a GPU backend device exists) and that device.</summary>
    private (int Layers, LlamaBackendDevice? Gpu) ResolveGpu()
    {
        var gpu = LlamaBackend.GetDevices().FirstOrDefault(d => d.Type is GgmlBackendDeviceType.Gpu or GgmlBackendDeviceType.IntegratedGpu);
        var layers = _options.GpuLayers ?? (gpu is null ? 0 : -1);
        return (layers, gpu);
    }
}
