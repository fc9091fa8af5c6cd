using System.Collections.Concurrent;
using System.Text.Json;

namespace DocRag.Core.Generation.Probe;

/// <summary>
/// Remembers model files that passed the probe, by (path, size, mtime), in memory and optionally in a small JSON file so
/// a restart does not probe again. Only good results are cached: a failing file is probed each time it is tried.
/// </summary>
public sealed class ModelProbeCache(string? filePath = null)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private readonly ConcurrentDictionary<ModelFileStamp, ModelProbeFacts> _entries = new();
    private readonly Lock _fileGate = new();
    private bool _loaded;

    public bool TryGet(ModelFileStamp stamp, out ModelProbeFacts facts)
    {
        LoadOnce();
        return _entries.TryGetValue(stamp, out facts!);
    }

    public void Add(ModelFileStamp stamp, ModelProbeFacts facts)
    {
        LoadOnce();
        _entries[stamp] = facts;
        Save();
    }

    private void LoadOnce()
    {
        lock (_fileGate)
        {
            if (_loaded || filePath is null)
            {
                _loaded = true;
                return;
            }

            _loaded = true;
            try
            {
                if (File.Exists(filePath))
                {
                    var stored = JsonSerializer.Deserialize<List<Entry>>(File.ReadAllText(filePath), Json) ?? [];
                    foreach (var e in stored)
                    {
                        _entries[e.Stamp] = e.Facts;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
            {
                // A damaged cache only costs a probe.
            }
        }
    }

    private void Save()
    {
        if (filePath is null)
        {
            return;
        }

        lock (_fileGate)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(filePath)!);
                var temp = filePath + ".tmp";
                File.WriteAllText(temp, JsonSerializer.Serialize(_entries.Select(e => new Entry(e.Key, e.Value)).ToList(), Json));
                File.Move(temp, filePath, overwrite: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Not being able to remember a probe is not an error.
            }
        }
    }

    private sealed record Entry(ModelFileStamp Stamp, ModelProbeFacts Facts);
}
