namespace DocRag.Core.Evaluation;

/// <summary>What an evaluation runs over.</summary>
public enum EvaluationKind
{
    /// <summary>A BEIR-layout corpus with graded judgements, indexed into a scratch index.</summary>
    Beir = 0,

    /// <summary>A SQuAD/XQuAD file: each paragraph a document, indexed into a scratch index.</summary>
    Squad = 1,

    /// <summary>A team's QA file over the current index.</summary>
    Qa = 2,
}
