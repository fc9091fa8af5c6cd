using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using DocRag.Core.Storage;

namespace DocRag.Bench.Search;

/// <summary>
/// Whether a smaller vector matrix would do: the bench index's vectors scanned as float32 (what <c>VectorIndex</c>
/// holds), float16 (converted to float32 block by block) and int8 (one scale per vector, integer dot products), with
/// each one's top-10 recall against the exact float32 answer. Single-threaded, so the kernels compare directly.
/// </summary>
internal sealed class VectorPrecisionBenchmark : IBenchmarkRun
{
    public string Name => "vector-precision";

    public string Description => "float32 vs float16 vs int8 vector scans: speed, memory, top-10 recall (--size 100000)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var options = new BenchArgs(args);
        var size = options.GetInt("--size", 100_000);
        var dimension = options.GetInt("--dimension", 384);
        var queries = options.GetInt("--queries", 100);
        var text = SyntheticText.Load(options.Get("--data") ?? Environment.GetEnvironmentVariable("DOCRAG_TEST_DATA"));
        var path = await SyntheticIndex.EnsureAsync(options.Get("--cache") ?? Path.Combine(RepoPaths.Artifacts, "search"), size, dimension, text, cancellationToken).ConfigureAwait(false);

        var f32 = new float[(long)size * dimension];
        var rows = 0;
        using (var store = new IndexStore(path))
        {
            await foreach (var stored in store.ReadVectorsAsync(cancellationToken).ConfigureAwait(false))
            {
                stored.Vector.Span.CopyTo(f32.AsSpan(rows++ * dimension, dimension));
            }
        }

        var f16 = new Half[f32.Length];
        TensorPrimitives.ConvertToHalf(f32, f16);
        var (i8, scales) = Quantize(f32, rows, dimension);
        var random = new Random(3);
        var probes = Enumerable.Range(0, queries).Select(_ => SyntheticIndex.UnitVector(random, dimension)).ToArray();
        var exact = probes.Select(q => Top10(rows, r => TensorPrimitives.Dot(f32.AsSpan(r * dimension, dimension), q))).ToArray();

        Console.WriteLine($"{rows:N0} vectors of {dimension} dimensions, one thread, {queries} queries (ms p50 / p95):");
        Console.WriteLine();
        Console.WriteLine("| storage | memory | scan | top-10 recall vs float32 |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        Report("float32", f32.LongLength * 4, probes, exact, rows, (q, r) => TensorPrimitives.Dot(f32.AsSpan(r * dimension, dimension), q));
        var buffer = new float[dimension];
        Report("float16", f16.LongLength * 2, probes, exact, rows, (q, r) =>
        {
            TensorPrimitives.ConvertToSingle(f16.AsSpan(r * dimension, dimension), buffer);
            return TensorPrimitives.Dot(buffer, q);
        });
        var q8 = new sbyte[dimension];
        float queryScale = 0;
        Report("int8 (scale per vector)", i8.LongLength + (scales.LongLength * 4), probes, exact, rows, (q, r) =>
        {
            if (r == 0)
            {
                queryScale = QuantizeQuery(q, q8);
            }

            return DotInt8(i8.AsSpan(r * dimension, dimension), q8) * scales[r] * queryScale;
        });
        return 0;
    }

    private static void Report(string name, long bytes, float[][] probes, int[][] exact, int rows, Func<float[], int, float> score)
    {
        var latencies = new List<double>();
        var recall = 0.0;
        for (var i = 0; i < probes.Length; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var top = Top10(rows, r => score(probes[i], r));
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            recall += top.Intersect(exact[i]).Count() / 10.0;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {bytes / 1048576.0:F0} MB | {new LatencyStats(latencies)} | {recall / probes.Length:F3} |"));
    }

    private static int[] Top10(int rows, Func<int, float> score)
    {
        var best = new PriorityQueue<int, float>();
        for (var r = 0; r < rows; r++)
        {
            var s = score(r);
            if (best.Count < 10)
            {
                best.Enqueue(r, s);
            }
            else if (best.TryPeek(out _, out var worst) && s > worst)
            {
                best.EnqueueDequeue(r, s);
            }
        }

        return best.UnorderedItems.Select(x => x.Element).ToArray();
    }

    private static (sbyte[] Values, float[] Scales) Quantize(float[] matrix, int rows, int dimension)
    {
        var values = new sbyte[(long)rows * dimension];
        var scales = new float[rows];
        for (var r = 0; r < rows; r++)
        {
            var row = matrix.AsSpan(r * dimension, dimension);
            var max = MathF.Abs(TensorPrimitives.MaxMagnitude(row));
            var scale = max > 0 ? max / 127f : 1f;
            scales[r] = scale;
            for (var i = 0; i < dimension; i++)
            {
                values[(r * dimension) + i] = (sbyte)Math.Round(row[i] / scale);
            }
        }

        return (values, scales);
    }

    private static float QuantizeQuery(float[] query, sbyte[] into)
    {
        var max = MathF.Abs(TensorPrimitives.MaxMagnitude(query));
        var scale = max > 0 ? max / 127f : 1f;
        for (var i = 0; i < query.Length; i++)
        {
            into[i] = (sbyte)Math.Round(query[i] / scale);
        }

        return scale;
    }

    /// <summary>Integer dot product: sign-extend to 16 bits, multiply-add pairs into 32 bits (AVX2), scalar tail.</summary>
    private static int DotInt8(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        var i = 0;
        var sum = 0;
        if (Avx2.IsSupported)
        {
            var acc = Vector256<int>.Zero;
            for (; i + 16 <= a.Length; i += 16)
            {
                var va = Avx2.ConvertToVector256Int16(Vector128.Create(a.Slice(i, 16)));
                var vb = Avx2.ConvertToVector256Int16(Vector128.Create(b.Slice(i, 16)));
                acc = Avx2.Add(acc, Avx2.MultiplyAddAdjacent(va, vb));
            }

            sum = Vector256.Sum(acc);
        }

        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
