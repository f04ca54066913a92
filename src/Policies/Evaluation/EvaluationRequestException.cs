using System;

namespace PolicyKit.Policies.Evaluation;

/// <summary>The request asks for something the loaded policy does not have (e.g. a category no loaded rule belongs to); nothing was judged.</summary>
public sealed class EvaluationRequestException : Exception
{
    public EvaluationRequestException(string message)
        : base(message)
    {
    }
}
