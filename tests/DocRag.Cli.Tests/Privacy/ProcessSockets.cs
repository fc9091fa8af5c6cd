using System.Globalization;
using System.Net;

namespace DocRag.Cli.Tests.Privacy;

/// <summary>
/// The sockets a process and its child processes hold right now: the <c>socket:[inode]</c> links in /proc/PID/fd,
/// looked up in the kernel's socket tables of the process's network namespace (/proc/PID/net/...). Inet sockets come
/// back with their addresses; unix and netlink sockets (local by nature) are only counted; a socket found in no table
/// (a packet socket, say) is returned as unknown.
/// </summary>
internal static class ProcessSockets
{
    private static readonly string[] InetTables = ["tcp", "tcp6", "udp", "udp6", "raw", "raw6"];
    private static readonly string[] LocalTables = ["unix", "netlink"];

    public static SocketSnapshot Read(int processId)
    {
        var inet = new List<SocketEntry>();
        var local = 0;
        var unknown = new List<string>();
        foreach (var pid in WithDescendants(processId))
        {
            var inodes = SocketInodes(pid);
            if (inodes.Count == 0)
            {
                continue;
            }

            // Inode 0 is a socket no descriptor holds any more (TIME_WAIT). The tables are not read atomically, so a
            // socket that changes state meanwhile can be listed twice: the last line wins.
            var entries = new Dictionary<long, SocketEntry>();
            foreach (var entry in InetTables.SelectMany(t => ReadInetTable(pid, t)).Where(e => e.Inode != 0))
            {
                entries[entry.Inode] = entry;
            }

            var localInodes = LocalTables.SelectMany(t => ReadInodeColumn(pid, t)).ToHashSet();
            foreach (var inode in inodes)
            {
                if (entries.TryGetValue(inode, out var entry))
                {
                    inet.Add(entry);
                }
                else if (localInodes.Contains(inode))
                {
                    local++;
                }
                else if (SocketInodes(pid).Contains(inode))
                {
                    // Still open after the tables were read, and in none of them.
                    unknown.Add($"pid {pid} socket inode {inode}");
                }
            }
        }

        return new SocketSnapshot(inet, local, unknown);
    }

    /// <summary>Parses an address of /proc/net/tcp: the IP as 32-bit words in host (little-endian) order, then the port in hex.</summary>
    public static IPEndPoint ParseEndPoint(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (hex, port) = (text[..text.IndexOf(':', StringComparison.Ordinal)], text[(text.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        var bytes = Convert.FromHexString(hex);
        for (var word = 0; word < bytes.Length; word += 4)
        {
            Array.Reverse(bytes, word, 4);
        }

        return new IPEndPoint(new IPAddress(bytes), int.Parse(port, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }

    private static HashSet<long> SocketInodes(int pid)
    {
        var inodes = new HashSet<long>();
        try
        {
            foreach (var fd in Directory.EnumerateFiles($"/proc/{pid}/fd"))
            {
                var target = new FileInfo(fd).LinkTarget;
                if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal))
                {
                    inodes.Add(long.Parse(target["socket:[".Length..^1], CultureInfo.InvariantCulture));
                }
            }
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or FileNotFoundException or UnauthorizedAccessException or IOException)
        {
            // The process (or that descriptor) has just gone away.
        }

        return inodes;
    }

    private static IEnumerable<SocketEntry> ReadInetTable(int pid, string table)
    {
        foreach (var line in ReadLines($"/proc/{pid}/net/{table}").Skip(1))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            yield return new SocketEntry(table, ParseEndPoint(f[1]), ParseEndPoint(f[2]), f[3], long.Parse(f[9], CultureInfo.InvariantCulture), pid);
        }
    }

    private static IEnumerable<long> ReadInodeColumn(int pid, string table)
    {
        var lines = ReadLines($"/proc/{pid}/net/{table}");
        if (lines.Count == 0)
        {
            yield break;
        }

        // The column is named "Inode" in unix, "Inode" in netlink; find it rather than trust its position.
        var column = Array.FindIndex(lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries), h => h.Equals("Inode", StringComparison.OrdinalIgnoreCase));
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (column >= 0 && column < f.Length && long.TryParse(f[column], CultureInfo.InvariantCulture, out var inode))
            {
                yield return inode;
            }
        }
    }

    private static List<string> ReadLines(string path)
    {
        try
        {
            return File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToList();
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return [];
        }
    }

    private static List<int> WithDescendants(int root)
    {
        var all = new List<int> { root };
        for (var i = 0; i < all.Count; i++)
        {
            foreach (var task in Directories($"/proc/{all[i]}/task"))
            {
                foreach (var child in ReadLines(Path.Combine(task, "children")).SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
                {
                    var pid = int.Parse(child, CultureInfo.InvariantCulture);
                    if (!all.Contains(pid))
                    {
                        all.Add(pid);
                    }
                }
            }
        }

        return all;
    }

    private static string[] Directories(string path)
    {
        try
        {
            return Directory.GetDirectories(path);
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or IOException)
        {
            return [];
        }
    }

}
