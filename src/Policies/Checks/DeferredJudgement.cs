namespace PolicyKit.Policies.Checks;

/// <summary>
/// The part of a check's verdict that waits for facts only known once every file is read (a Namespace defined in a
/// later file). It keeps what it needs of the resource in compact form, so no parse tree outlives its file.
/// </summary>
internal abstract class DeferredJudgement
{
    /// <summary>Reports into <paramref name="sink"/>, already aimed at the rule and resource, once <paramref name="facts"/> are complete.</summary>
    public abstract void Settle(StreamFacts facts, ViolationSink sink);
}
