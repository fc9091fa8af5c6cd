using System.Runtime.InteropServices;

namespace DocRag.TestSupport.Onnx;

/// <summary>
/// Builds a ModelProto with one graph from standard ONNX ops: inputs, outputs, initializers and nodes, in the order
/// they are added (so the same calls give byte-identical files).
/// </summary>
public sealed class OnnxModelBuilder
{
    public const int ElementFloat = 1;
    public const int ElementInt64 = 7;

    private readonly List<Action<ProtoWriter>> _nodes = [];
    private readonly List<Action<ProtoWriter>> _initializers = [];
    private readonly List<Action<ProtoWriter>> _inputs = [];
    private readonly List<Action<ProtoWriter>> _outputs = [];
    private int _nextName;

    public OnnxModelBuilder(string graphName, int opset = 17)
    {
        GraphName = graphName;
        Opset = opset;
    }

    public string GraphName { get; }

    public int Opset { get; }

    /// <summary>A fresh intermediate value name.</summary>
    public string NewName(string hint) => $"{hint}_{_nextName++}";

    public void AddInput(string name, int elementType, params OnnxDimension[] shape) => _inputs.Add(w => WriteValueInfo(w, name, elementType, shape));

    public void AddOutput(string name, int elementType, params OnnxDimension[] shape) => _outputs.Add(w => WriteValueInfo(w, name, elementType, shape));

    public string AddInitializer(string name, float[] values, params long[] dims)
    {
        _initializers.Add(w =>
        {
            w.WritePackedVarints(1, dims);
            w.WriteVarint(2, ElementFloat);
            w.WriteString(8, name);
            w.WriteBytes(9, MemoryMarshal.AsBytes(values.AsSpan()));
        });
        return name;
    }

    public string AddInitializer(string name, long[] values, params long[] dims)
    {
        _initializers.Add(w =>
        {
            w.WritePackedVarints(1, dims);
            w.WriteVarint(2, ElementInt64);
            w.WriteString(8, name);
            w.WriteBytes(9, MemoryMarshal.AsBytes(values.AsSpan()));
        });
        return name;
    }

    /// <summary>Adds a node with one output (named after <paramref name="opType"/> unless given) and returns that output.</summary>
    public string Node(string opType, string[] inputs, params OnnxAttr[] attributes)
    {
        var output = NewName(opType.ToLowerInvariant());
        NodeTo(opType, inputs, [output], attributes);
        return output;
    }

    public void NodeTo(string opType, string[] inputs, string[] outputs, params OnnxAttr[] attributes)
    {
        var name = NewName("node_" + opType);
        _nodes.Add(w =>
        {
            foreach (var input in inputs)
            {
                w.WriteString(1, input);
            }

            foreach (var output in outputs)
            {
                w.WriteString(2, output);
            }

            w.WriteString(3, name);
            w.WriteString(4, opType);
            foreach (var attribute in attributes)
            {
                w.WriteMessage(5, attribute.WriteTo);
            }
        });
    }

    /// <summary>The serialized ModelProto (IR version 8, default-domain opset <see cref="Opset"/>).</summary>
    public byte[] Build()
    {
        var model = new ProtoWriter();
        model.WriteVarint(1, 8);
        model.WriteString(2, "DocRag.TestSupport");
        model.WriteString(3, "1");
        model.WriteMessage(7, WriteGraph);
        model.WriteMessage(8, w =>
        {
            w.WriteString(1, string.Empty);
            w.WriteVarint(2, Opset);
        });
        return model.ToArray();
    }

    private void WriteGraph(ProtoWriter w)
    {
        foreach (var node in _nodes)
        {
            w.WriteMessage(1, node);
        }

        w.WriteString(2, GraphName);
        foreach (var initializer in _initializers)
        {
            w.WriteMessage(5, initializer);
        }

        foreach (var input in _inputs)
        {
            w.WriteMessage(11, input);
        }

        foreach (var output in _outputs)
        {
            w.WriteMessage(12, output);
        }
    }

    private static void WriteValueInfo(ProtoWriter w, string name, int elementType, OnnxDimension[] shape)
    {
        w.WriteString(1, name);
        w.WriteMessage(2, type => type.WriteMessage(1, tensor =>
        {
            tensor.WriteVarint(1, elementType);
            tensor.WriteMessage(2, s =>
            {
                foreach (var dim in shape)
                {
                    s.WriteMessage(1, d =>
                    {
                        if (dim.Value is { } value)
                        {
                            d.WriteVarint(1, value);
                        }
                        else
                        {
                            d.WriteString(2, dim.Param ?? string.Empty);
                        }
                    });
                }
            });
        }));
    }
}
