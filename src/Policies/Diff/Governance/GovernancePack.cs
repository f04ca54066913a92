namespace PolicyKit.Policies.Diff.Governance;

/// <summary>
/// The <c>governance</c> pack judges changes to the policy, not trees: it joins a run only when a change is compared
/// with its base (<c>check --base</c>), never the default selection of an ordinary check.
/// </summary>
public static class GovernancePack
{
    public const string Name = "governance";
}
