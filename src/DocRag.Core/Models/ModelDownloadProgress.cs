namespace DocRag.Core.Models;

/// <summary>One progress report of a pull, for one file.</summary>
/// <param name="Model">Catalog name of the model being pulled.</param>
/// <param name="File">The file's local path inside the model folder.</param>
/// <param name="FileIndex">Zero-based position of the file in the pull.</param>
/// <param name="FileCount">Number of files in the pull.</param>
/// <param name="Stage">Downloading, verifying or done.</param>
/// <param name="BytesDone">Bytes of this file on disk so far (a resumed download starts above zero).</param>
/// <param name="BytesTotal">The file's size when known.</param>
/// <param name="BytesPerSecond">Transfer rate of the current attempt; zero before the first bytes.</param>
/// <param name="Eta">Time left at the current rate, when the size is known and bytes are arriving.</param>
public readonly record struct ModelDownloadProgress(
    string Model,
    string File,
    int FileIndex,
    int FileCount,
    ModelDownloadStage Stage,
    long BytesDone,
    long? BytesTotal,
    double BytesPerSecond,
    TimeSpan? Eta);
