namespace PolicyKit.Policies.Loading;

/// <summary>What rendering a source gave: its text, or the problem that stopped it.</summary>
internal sealed record RenderOutcome(byte[]? Bytes, InputProblem? Problem);
