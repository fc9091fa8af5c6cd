using DocRag.Native.Onnx.Handles;

namespace DocRag.Native.Onnx;

/// <summary>Running the model.</summary>
public sealed unsafe partial class OnnxSession
{
    /// <summary>
    /// Runs the model on <paramref name="inputs"/> and returns the outputs named in <paramref name="outputNames"/>, in
    /// that order. Cancelling <paramref name="cancellationToken"/> asks ORT to stop the run.
    /// </summary>
    public OnnxOutputs Run(ReadOnlySpan<OnnxInput> inputs, ReadOnlySpan<string> outputNames, CancellationToken cancellationToken = default)
    {
        // A token cancelled already is not checked here: ORT's terminate flag (set at once by the registration) stops the run.
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        var inputNames = stackalloc byte*[inputs.Length];
        var inputValues = stackalloc nint[inputs.Length];
        var names = stackalloc byte*[outputNames.Length];
        var outputs = stackalloc nint[outputNames.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputNames[i] = NamePointer(inputs[i].Name, "input");
        }

        for (var i = 0; i < outputNames.Length; i++)
        {
            names[i] = NamePointer(outputNames[i], "output");
            outputs[i] = 0;
        }

        var added = 0;
        var sessionAdded = false;
        try
        {
            _handle.DangerousAddRef(ref sessionAdded);
            for (; added < inputs.Length; added++)
            {
                var ok = false;
                inputs[added].Value.Handle.DangerousAddRef(ref ok);
                inputValues[added] = inputs[added].Value.Handle.DangerousGetHandle();
            }

            RunCore(inputNames, inputValues, inputs.Length, names, outputs, outputNames.Length, cancellationToken);
        }
        finally
        {
            for (var i = 0; i < added; i++)
            {
                inputs[i].Value.Handle.DangerousRelease();
            }

            if (sessionAdded)
            {
                _handle.DangerousRelease();
            }
        }

        var values = new OnnxValue[outputNames.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var handle = new OrtValueHandle();
            handle.Attach(outputs[i]);
            values[i] = new OnnxValue(handle);
        }

        return new OnnxOutputs(values);
    }

    private void RunCore(byte** inputNames, nint* inputValues, int inputCount, byte** outputNames, nint* outputs, int outputCount, CancellationToken cancellationToken)
    {
        var session = _handle.DangerousGetHandle();
        if (!cancellationToken.CanBeCanceled)
        {
            OrtStatus.ThrowIfFailed(
                OrtApi.Run(session, 0, inputNames, inputValues, (nuint)inputCount, outputNames, (nuint)outputCount, outputs),
                $"Running the model '{Path.GetFileName(ModelPath)}' failed");
            return;
        }

        using var runOptions = new OrtRunOptionsHandle();
        nint raw;
        OrtStatus.ThrowIfFailed(OrtApi.CreateRunOptions(&raw), "Creating run options failed");
        runOptions.Attach(raw);
        nint status;
        using (cancellationToken.Register(static state => Terminate((OrtRunOptionsHandle)state!), runOptions))
        {
            status = OrtApi.Run(session, raw, inputNames, inputValues, (nuint)inputCount, outputNames, (nuint)outputCount, outputs);
        }

        if (status != 0 && cancellationToken.IsCancellationRequested)
        {
            OrtStatus.ToException(status);
            throw new OperationCanceledException(cancellationToken);
        }

        OrtStatus.ThrowIfFailed(status, $"Running the model '{Path.GetFileName(ModelPath)}' failed");
    }

    private static void Terminate(OrtRunOptionsHandle runOptions)
    {
        var added = false;
        try
        {
            runOptions.DangerousAddRef(ref added);
            var status = OrtApi.RunOptionsSetTerminate(runOptions.DangerousGetHandle());
            if (status != 0)
            {
                OrtStatus.ToException(status);
            }
        }
        finally
        {
            if (added)
            {
                runOptions.DangerousRelease();
            }
        }
    }

    private byte* NamePointer(string name, string kind) =>
        _namePointers.TryGetValue(name, out var pointer)
            ? (byte*)pointer
            : throw new ArgumentException(
                $"The model '{Path.GetFileName(ModelPath)}' has no {kind} named '{name}' (inputs: {string.Join(", ", Inputs.Select(n => n.Name))}; outputs: {string.Join(", ", Outputs.Select(n => n.Name))}).");
}
