using System.Text;

namespace DocRag.Core.Text;

/// <summary>Assembling units from parts, and the CJK bigrams.</summary>
internal static partial class TextTokenizer
{
    private static bool IsCjk(Rune rune) => rune.Value is
        (>= 0x2E80 and <= 0x2FDF) or (>= 0x3005 and <= 0x3007) or (>= 0x3040 and <= 0x30FF) or (>= 0x3130 and <= 0x318F)
        or (>= 0x31F0 and <= 0x31FF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xA960 and <= 0xA97F)
        or (>= 0xAC00 and <= 0xD7AF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x1100 and <= 0x11FF) or (>= 0x20000 and <= 0x3FFFF);

    /// <summary>Reads the CJK run at <paramref name="start"/> as overlapping bigrams (one character alone stays one); returns its end.</summary>
    private static int ReadCjkRun(string s, int start, List<TextUnit> units)
    {
        var characters = new List<string>();
        var i = start;
        while (i < s.Length)
        {
            var rune = RuneAt(s, i, out var width);
            if (!IsCjk(rune))
            {
                break;
            }

            characters.Add(s.Substring(i, width));
            i += width;
        }

        var parts = characters.Count == 1
            ? characters
            : [.. characters.Zip(characters.Skip(1), (a, b) => a + b)];
        units.Add(new TextUnit(TextUnitKind.Cjk, parts));
        return i;
    }

    /// <summary>The unit being read: its finished parts, the part in progress, and what decides its kind.</summary>
    private sealed class UnitBuilder(List<TextUnit> units)
    {
        private readonly StringBuilder _part = new();
        private readonly List<string> _parts = [];
        private bool _literal;
        private bool _hasNumber;
        private bool _isName;

        public bool InPart => _part.Length > 0;

        public Rune Last { get; private set; }

        /// <summary>Adds a letter or digit, lower-cased; the first one of a unit tells whether it looks like a name.</summary>
        public void Append(Rune rune, bool sentenceStart)
        {
            if (_part.Length == 0 && _parts.Count == 0)
            {
                _isName = Rune.IsUpper(rune) && !sentenceStart;
            }

            rune = Rune.ToLowerInvariant(rune);
            if (rune.IsBmp)
            {
                _part.Append((char)rune.Value);
            }
            else
            {
                _part.Append(rune.ToString());
            }

            _hasNumber |= Rune.IsNumber(rune);
            Last = rune;
        }

        public void EndPart(bool literalJoiner)
        {
            _parts.Add(_part.ToString());
            _part.Clear();
            _literal |= literalJoiner;
        }

        public void Flush()
        {
            if (_part.Length > 0)
            {
                _parts.Add(_part.ToString());
                _part.Clear();
            }

            if (_parts.Count > 0)
            {
                var kind = _literal ? TextUnitKind.Literal
                    : _parts.Count > 1 ? TextUnitKind.Compound
                    : _hasNumber ? TextUnitKind.Literal : TextUnitKind.Word;
                units.Add(new TextUnit(kind, [.. _parts], _isName));
                _parts.Clear();
            }

            _literal = false;
            _hasNumber = false;
            _isName = false;
        }
    }
}
