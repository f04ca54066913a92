using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PolicyKit.Analyzers;

/// <summary>
/// Options the analyzers read from MSBuild properties (made visible by the package's props) and <c>.editorconfig</c>
/// keys. Every key is documented on the page of the rule it affects.
/// </summary>
internal static class AnalyzerSettings
{
    /// <summary>
    /// True in test projects (<c>IsTestProject</c>): their credentials are fixtures, so name-based rules stay quiet there
    /// unless <c>policykit.&lt;id&gt;.include_test_projects = true</c>.
    /// </summary>
    public static bool IsTestProject(AnalyzerOptions options) =>
        options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.IsTestProject", out var value) && IsTrue(value);

    public static bool IsSet(AnalyzerOptions options, SyntaxTree tree, string key) =>
        options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(key, out var value) && IsTrue(value)
        || options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(key, out var global) && IsTrue(global);

    public static bool IsGlobalSet(AnalyzerOptions options, string key) =>
        options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(key, out var value) && IsTrue(value);

    /// <summary>Whether a name-based rule should judge this tree: not in a test project unless asked to.</summary>
    public static bool JudgesTree(AnalyzerOptions options, SyntaxTree tree, string ruleId) =>
        !IsTestProject(options) || IsSet(options, tree, "policykit." + ruleId + ".include_test_projects");

    private static bool IsTrue(string value) => string.Equals(value.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);
}
