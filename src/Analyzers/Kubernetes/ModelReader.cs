using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Secrets;

namespace PolicyKit.Analyzers.Kubernetes;

/// <summary>
/// Reads a <c>k8s.Models</c> object creation — constructor arguments, object and collection initializers, nested
/// initializers, arrays and collection expressions — into <see cref="ModelNode"/>s.
/// </summary>
internal static class ModelReader
{
    public static ModelMapping ReadObject(IObjectCreationOperation creation)
    {
        var mapping = new ModelMapping(creation.Syntax);
        foreach (var argument in creation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is null)
            {
                continue;
            }

            var property = FindProperty(creation.Type, argument.Parameter.Name);
            var value = property is null ? null : ReadValue(argument.Value);
            if (value is null)
            {
                mapping.IsComplete = false;
                continue;
            }

            mapping.Entries.Add(new ModelEntry(KubernetesModel.FieldName(property!), value, argument.Syntax));
        }

        if (creation.Initializer is { } initializer)
        {
            ReadMembers(initializer, mapping);
        }

        return mapping;
    }

    private static void ReadMembers(IObjectOrCollectionInitializerOperation initializer, ModelMapping mapping)
    {
        foreach (var member in initializer.Initializers)
        {
            switch (member)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 0 } target } assignment:
                    Add(mapping, target.Property, ReadValue(assignment.Value), assignment.Syntax);
                    break;
                case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation target } nested:
                    Add(mapping, target.Property, ReadInitializer(nested.Initializer, target.Type), nested.Syntax);
                    break;
                default:
                    mapping.IsComplete = false;
                    break;
            }
        }
    }

    private static void Add(ModelMapping mapping, IPropertySymbol property, ModelNode? value, SyntaxNode origin)
    {
        if (value is null)
        {
            mapping.IsComplete = false;
            return;
        }

        mapping.Entries.Add(new ModelEntry(KubernetesModel.FieldName(property), value, origin));
    }

    private static ModelNode? ReadValue(IOperation operation)
    {
        operation = ConstantText.Unwrap(operation);
        if (operation.ConstantValue.HasValue)
        {
            return Scalar(operation.Syntax, operation.ConstantValue.Value);
        }

        switch (operation)
        {
            case IObjectCreationOperation creation when KubernetesModel.IsModel(creation.Type) && creation.Type!.Name is "ResourceQuantity" or "IntOrString":
                return creation.Arguments.Length == 1 && creation.Arguments[0].Value.ConstantValue.HasValue
                    ? Scalar(creation.Syntax, creation.Arguments[0].Value.ConstantValue.Value)
                    : new ModelScalar(creation.Syntax, "\"(computed)\"");
            case IObjectCreationOperation creation when KubernetesModel.IsModel(creation.Type):
                return ReadObject(creation);
            case IObjectCreationOperation { Initializer: { } initializer } creation:
                return ReadCollection(initializer, creation.Syntax);
            case IObjectCreationOperation { Initializer: null, Arguments.Length: 0 } creation:
                return new ModelSequence(creation.Syntax);
            case IArrayCreationOperation { Initializer: { } array }:
                return ReadItems(array.ElementValues, operation.Syntax);
            case ICollectionExpressionOperation collection:
                return ReadItems(collection.Elements, operation.Syntax);
            default:
                return null;
        }
    }

    private static ModelNode? ReadInitializer(IObjectOrCollectionInitializerOperation initializer, ITypeSymbol? type)
    {
        if (KubernetesModel.IsModel(type))
        {
            var mapping = new ModelMapping(initializer.Syntax);
            ReadMembers(initializer, mapping);
            return mapping;
        }

        return ReadCollection(initializer, initializer.Syntax);
    }

    private static ModelNode? ReadItems(System.Collections.Immutable.ImmutableArray<IOperation> elements, SyntaxNode origin)
    {
        var sequence = new ModelSequence(origin);
        foreach (var element in elements)
        {
            if (ReadValue(element) is not { } item)
            {
                return null;
            }

            sequence.Items.Add(item);
        }

        return sequence;
    }

    /// <summary>A list (<c>Add(item)</c>) becomes a sequence; a dictionary (<c>Add(key, value)</c>, <c>[key] = value</c>) a mapping.</summary>
    private static ModelNode? ReadCollection(IObjectOrCollectionInitializerOperation initializer, SyntaxNode origin)
    {
        var sequence = new ModelSequence(origin);
        var mapping = new ModelMapping(origin);
        foreach (var element in initializer.Initializers)
        {
            switch (element)
            {
                case IInvocationOperation { Arguments.Length: 1 } add:
                    if (ReadValue(add.Arguments[0].Value) is not { } item)
                    {
                        return null;
                    }

                    sequence.Items.Add(item);
                    break;
                case IInvocationOperation { Arguments.Length: 2 } add when ConstantText.TryGet(add.Arguments[0].Value, out var key):
                    mapping.Entries.Add(new ModelEntry(key, ReadValue(add.Arguments[1].Value) ?? new ModelScalar(add.Syntax, "\"(computed)\""), add.Syntax));
                    break;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } assignment when ConstantText.TryGet(indexer.Arguments[0].Value, out var key):
                    mapping.Entries.Add(new ModelEntry(key, ReadValue(assignment.Value) ?? new ModelScalar(assignment.Syntax, "\"(computed)\""), assignment.Syntax));
                    break;
                default:
                    return null;
            }
        }

        return mapping.Entries.Count > 0 ? mapping : sequence;
    }

    private static IPropertySymbol? FindProperty(ITypeSymbol? type, string parameterName)
    {
        foreach (var member in type?.GetMembers() ?? default)
        {
            if (member is IPropertySymbol property && string.Equals(property.Name, parameterName, System.StringComparison.OrdinalIgnoreCase))
            {
                return property;
            }
        }

        return null;
    }

    private static ModelNode? Scalar(SyntaxNode origin, object? value) => value switch
    {
        null => null,
        string text => new ModelScalar(origin, Quote(text)),
        bool flag => new ModelScalar(origin, flag ? "true" : "false"),
        System.IFormattable number => new ModelScalar(origin, number.ToString(null, CultureInfo.InvariantCulture)),
        _ => null,
    };

    private static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
