namespace DocRag.Core.Embeddings;

/// <summary>Physical cores (not hyper-threads), the thread count ONNX Runtime runs best with.</summary>
internal static class CpuTopology
{
    private static readonly Lazy<int> Count = new(Detect);

    /// <summary>Distinct (package, core) pairs in /proc/cpuinfo; the logical processor count where that cannot be read.</summary>
    public static int PhysicalCoreCount => Count.Value;

    private static int Detect()
    {
        var logical = Environment.ProcessorCount;
        try
        {
            if (!OperatingSystem.IsLinux() || !File.Exists("/proc/cpuinfo"))
            {
                return logical;
            }

            var cores = new HashSet<(string Package, string Core)>();
            string package = "0";
            foreach (var line in File.ReadLines("/proc/cpuinfo"))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0)
                {
                    continue;
                }

                var key = line[..colon].Trim();
                var value = line[(colon + 1)..].Trim();
                if (key == "physical id")
                {
                    package = value;
                }
                else if (key == "core id")
                {
                    cores.Add((package, value));
                }
            }

            // Containers may limit the process to fewer CPUs than the machine has.
            return cores.Count == 0 ? logical : Math.Clamp(cores.Count, 1, logical);
        }
        catch (IOException)
        {
            return logical;
        }
        catch (UnauthorizedAccessException)
        {
            return logical;
        }
    }
}
