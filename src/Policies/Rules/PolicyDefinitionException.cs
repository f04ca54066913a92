using System;

namespace PolicyKit.Policies.Rules;

/// <summary>A rule pack or policy file is wrong, or asks for something that does not exist. The message names the file and line so the author can fix it.</summary>
public sealed class PolicyDefinitionException : Exception
{
    public PolicyDefinitionException(string file, int line, string problem)
        : base($"{file}:{line}: {problem}")
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    public string File { get; }

    public int Line { get; }

    public string Problem { get; }
}
