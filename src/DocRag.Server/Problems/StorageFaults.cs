using DocRag.Core.Storage;

namespace DocRag.Server.Problems;

/// <summary>Recognises the I/O failures that mean "no room" or "read-only", from the index or from writing a file.</summary>
internal static class StorageFaults
{
    // errno on Linux/macOS (.NET sets HResult to it for I/O errors it does not map), HRESULTs on Windows.
    private const int EnoSpc = 28;
    private const int EDQuot = 122;
    private const int ERoFs = 30;
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);
    private const int WindowsWriteProtect = unchecked((int)0x80070013);

    public static bool IsFull(IOException exception) =>
        exception is IndexStorageFullException || exception.HResult is EnoSpc or EDQuot or WindowsDiskFull or WindowsHandleDiskFull;

    public static bool IsReadOnly(IOException exception) =>
        exception is IndexReadOnlyException || exception.HResult is ERoFs or WindowsWriteProtect;
}
