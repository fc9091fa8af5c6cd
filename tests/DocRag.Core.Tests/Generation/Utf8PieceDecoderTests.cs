using System.Text;
using DocRag.Core.Generation;

namespace DocRag.Core.Tests.Generation;

public sealed class Utf8PieceDecoderTests
{
    [Theory]
    [InlineData("ñandú")]
    [InlineData("日本語")]
    [InlineData("😀👍🏽")]
    [InlineData("a👨‍👩‍👧b")]
    public void Decode_ByteByByte_EmitsWholeCharactersOnly(string text)
    {
        var decoder = new Utf8PieceDecoder();
        var output = new StringBuilder();

        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var piece = decoder.Decode([b]);
            Assert.False(piece.Length > 0 && char.IsHighSurrogate(piece[^1]), "a surrogate pair was split");
            output.Append(piece);
        }

        output.Append(decoder.Flush());
        Assert.Equal(text, output.ToString());
    }

    [Fact]
    public void Decode_IncompleteAtEnd_FlushesReplacementCharacter()
    {
        var decoder = new Utf8PieceDecoder();

        Assert.Equal("a", decoder.Decode([(byte)'a', 0xF0, 0x9F]));
        Assert.Equal("\uFFFD", decoder.Flush());
    }

    [Fact]
    public void Decode_LongPiece_IsNotTruncated()
    {
        var decoder = new Utf8PieceDecoder();
        var text = new string('x', 1000) + "é";

        Assert.Equal(text, decoder.Decode(Encoding.UTF8.GetBytes(text)));
    }
}
