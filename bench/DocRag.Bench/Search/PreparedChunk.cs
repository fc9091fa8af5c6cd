namespace DocRag.Bench.Search;

/// <summary>A bench chunk ready to insert: its text, heading, their analysed forms and its vector as a float32 blob.</summary>
internal sealed record PreparedChunk(string Text, string Heading, string AnalysedHeading, string AnalysedText, byte[] Vector);
