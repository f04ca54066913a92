using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using PolicyKit.Analyzers.Engine;
using PolicyKit.Policies.Checks.PodSecurity;

namespace PolicyKit.Analyzers.Kubernetes;

/// <summary>
/// Kubernetes objects built in C# with the KubernetesClient models (<c>V1Pod</c>, <c>V1Deployment</c>, <c>V1Container</c>…)
/// are written out as the manifest they stand for and judged by the engine's own rules, so the ids and messages are the
/// manifest rules'. Each finding is reported at the initializer member that set the offending value, or, for something
/// missing, at the object that lacks it — only when that object was built entirely from constants, since a member set
/// from a variable might supply what seems to be missing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KubernetesObjectAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The manifest rules that judge C#-built objects: privilege, root, host access, capabilities, images, resources.</summary>
    public static readonly ImmutableArray<string> RuleIds = ImmutableArray.Create(
        "PK1001", "PK1002", "PK1003", "PK1004", "PK1007", "PK1008", "PK1009", "PK1011", "PK1012", "PK2003");

    /// <summary>Added capabilities are judged by the Pod Security baseline, the level every Odoo tenant is held to.</summary>
    private static readonly PodSecuritySettings Baseline = new(PodSecurityLevel.Baseline, PodSecurityVersion.Latest);

    /// <summary>The categories of <see cref="RuleIds"/>: the engine runs only those rules, not the secrets pack's value scans.</summary>
    private static readonly Lazy<string[]> Categories = new(() => EngineRules.Select(RuleIds).Select(d => d.Category).Distinct().ToArray());

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => EngineRules.Select(RuleIds);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (start.Compilation.GetTypeByMetadataName("k8s.Models.V1Container") is not { } container)
            {
                return;
            }

            var models = container.ContainingNamespace;
            start.RegisterOperationAction(c =>
            {
                if (c.Operation.Type?.ContainingNamespace is { } ns && SymbolEqualityComparer.Default.Equals(ns, models))
                {
                    Analyze(c);
                }
            }, OperationKind.ObjectCreation);
        });
    }

    private static void Analyze(OperationAnalysisContext context)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Type is not { } type || !KubernetesModel.IsModel(type) || !KubernetesModel.TryGetRoot(type, out var apiVersion, out var kind, out var shape) || IsNested(creation))
        {
            return;
        }

        var root = ModelReader.ReadObject(creation);
        var manifest = ManifestWriter.Write(root, apiVersion, kind, shape);
        var path = creation.Syntax.SyntaxTree.FilePath + ".k8s.yaml";
        foreach (var finding in EngineRunner.Evaluate(path, manifest.Text, Baseline, Categories.Value))
        {
            if (!RuleIds.Contains(finding.RuleId) || manifest.OriginOf(finding.Line) is not { } origin || !origin.Owner.IsComplete)
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(EngineRules.Descriptors[finding.RuleId], LocationOf(origin.Syntax), finding.Message));
        }
    }

    /// <summary>Objects inside another model object are judged with it, once.</summary>
    private static bool IsNested(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IObjectCreationOperation outer && KubernetesModel.IsModel(outer.Type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A member is reported whole (<c>Privileged = true</c>); an object by its <c>new V1Container</c> head.</summary>
    private static Location LocationOf(SyntaxNode syntax) => syntax switch
    {
        ObjectCreationExpressionSyntax creation => Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(creation.NewKeyword.SpanStart, creation.Type.Span.End)),
        ImplicitObjectCreationExpressionSyntax implicitCreation => Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(implicitCreation.NewKeyword.SpanStart, implicitCreation.ArgumentList.Span.End)),
        _ => syntax.GetLocation(),
    };
}
