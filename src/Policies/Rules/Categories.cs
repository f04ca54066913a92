using System;
using System.Collections.Generic;

namespace PolicyKit.Policies.Rules;

/// <summary>The fixed vocabulary of rule categories (docs/categories.md). A rule outside it does not load.</summary>
public static class Categories
{
    public const string Input = "input";

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
        Input,
    };

    public static bool IsKnown(string category) => Array.IndexOf((string[])All, category) >= 0;
}
