using System;
using System.Collections.Generic;

namespace PolicyKit.Policies.Rules;

/// <summary>The fixed vocabulary of rule categories (docs/categories.md). A rule outside it does not load.</summary>
public static class Categories
{
    public const string Input = "input";

    /// <summary>Changes to the policy itself, found by comparing a change's base with its head.</summary>
    public const string Governance = "governance";

    public static readonly IReadOnlyList<string> All = new[]
    {
        "pod-security",
        "workload",
        "secrets",
        "provenance",
        "rbac",
        "network",
        "availability",
        "backup",
        "odoo",
        "exceptions",
        Governance,
        Input,
    };

    public static bool IsKnown(string category) => Array.IndexOf((string[])All, category) >= 0;
}
