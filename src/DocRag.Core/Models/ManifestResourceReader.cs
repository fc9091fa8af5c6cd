using System.Buffers.Binary;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace DocRag.Core.Models;

/// <summary>
/// Reads the manifest resources embedded in a .NET assembly from its metadata and its CLI resources directory, the way
/// the runtime finds them, without loading the assembly: its code is never run. Each resource sits at its offset in the
/// resources directory (read from the file at the directory's file offset) as a 4-byte little-endian length followed by that many bytes; every offset and length is checked
/// against the directory and its section before a byte is read.
/// </summary>
internal sealed class ManifestResourceReader : IDisposable
{
    private readonly PEReader _pe;
    private readonly MetadataReader _metadata;
    private readonly string _path;

    private ManifestResourceReader(PEReader pe, MetadataReader metadata, string path)
    {
        _pe = pe;
        _metadata = metadata;
        _path = path;
    }

    /// <summary>Opens <paramref name="path"/>; throws <see cref="InvalidDataException"/> when it is not a .NET assembly.</summary>
    public static ManifestResourceReader Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var stream = File.OpenRead(path);
        PEReader? pe = null;
        try
        {
            pe = new PEReader(stream); // owns the stream from here
            if (!pe.HasMetadata || pe.PEHeaders.CorHeader is null)
            {
                throw new InvalidDataException($"{path} is not a .NET assembly (no CLI header).");
            }

            return new ManifestResourceReader(pe, pe.GetMetadataReader(), path);
        }
        catch (BadImageFormatException ex)
        {
            pe?.Dispose();
            stream.Dispose();
            throw new InvalidDataException($"{path} is not a valid PE image: {ex.Message}", ex);
        }
        catch
        {
            pe?.Dispose();
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The names of the resources embedded in this file (resources linked from other files are left out).</summary>
    public IReadOnlyList<string> Names =>
        [.. _metadata.ManifestResources.Select(h => _metadata.GetManifestResource(h)).Where(r => r.Implementation.IsNil).Select(r => _metadata.GetString(r.Name))];

    /// <summary>The length of the resource called <paramref name="name"/>; throws <see cref="InvalidDataException"/> when it is absent or out of bounds.</summary>
    public long GetLength(string name) => Locate(name).Length;

    /// <summary>Copies the resource called <paramref name="name"/> to <paramref name="destination"/>.</summary>
    public async Task CopyToAsync(string name, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var (start, length) = Locate(name);
        var source = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        await using (source.ConfigureAwait(false))
        {
            source.Position = start;
            var buffer = new byte[1 << 20];
            var left = length;
            while (left > 0)
            {
                var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new InvalidDataException($"{_path} ended {left} bytes before the end of the resource '{name}'.");
                }

                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                left -= read;
            }
        }
    }

    public void Dispose() => _pe.Dispose();

    /// <summary>Where the resource's bytes are in the file image: after its length prefix, bounds checked.</summary>
    private (long Start, long Length) Locate(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var found = _metadata.ManifestResources
            .Select(h => _metadata.GetManifestResource(h))
            .Where(r => _metadata.StringComparer.Equals(r.Name, name))
            .ToArray();
        if (found.Length != 1)
        {
            throw new InvalidDataException(found.Length == 0
                ? $"{_path} has no manifest resource '{name}' (it has: {string.Join(", ", Names)})."
                : $"{_path} lists the manifest resource '{name}' {found.Length} times.");
        }

        var resource = found[0];
        if (!resource.Implementation.IsNil)
        {
            throw new InvalidDataException($"The resource '{name}' of {_path} lives in another file, not in the assembly.");
        }

        var directory = _pe.PEHeaders.CorHeader!.ResourcesDirectory;
        if (directory.Size <= 0 || !_pe.PEHeaders.TryGetDirectoryOffset(directory, out var directoryOffset))
        {
            throw new InvalidDataException($"{_path} has no resources directory in any section.");
        }

        var fileLength = new FileInfo(_path).Length;
        var offset = resource.Offset;
        if (offset < 0 || offset > directory.Size - 4L || directoryOffset + (long)directory.Size > fileLength)
        {
            throw new InvalidDataException($"The resource '{name}' of {_path} starts outside the resources directory.");
        }

        var lengthAt = directoryOffset + offset;
        Span<byte> prefix = stackalloc byte[4];
        using (var file = File.OpenRead(_path))
        {
            file.Position = lengthAt;
            file.ReadExactly(prefix);
        }

        var length = (long)BinaryPrimitives.ReadUInt32LittleEndian(prefix);
        if (length > directory.Size - offset - 4L)
        {
            throw new InvalidDataException($"The resource '{name}' of {_path} claims {length} bytes, past the end of the resources directory.");
        }

        return (lengthAt + 4, length);
    }
}
