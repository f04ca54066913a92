using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using PolicyKit.Policies.Checks;

namespace PolicyKit.Policies.CrossResource;

/// <summary>
/// The cross-resource checks of the engine by the name rule files use, found once by reflection from their
/// <see cref="CheckNameAttribute"/>: a new check is one new class, no registry to edit. Each takes its
/// <see cref="CheckParameters"/> in a public constructor.
/// </summary>
internal static class CrossResourceChecks
{
    private static readonly Lazy<Dictionary<string, ConstructorInfo>> Constructors = new(Discover);

    public static IReadOnlyCollection<string> Names => Constructors.Value.Keys;

    public static bool TryCreate(string name, CheckParameters parameters, out Check check)
    {
        if (!Constructors.Value.TryGetValue(name, out var constructor))
        {
            check = null!;
            return false;
        }

        try
        {
            check = (Check)constructor.Invoke(new object[] { parameters });
        }
        catch (TargetInvocationException invocation) when (invocation.InnerException is not null)
        {
            // A parameter error is the rule file's, located by CheckParameters; it must not arrive wrapped.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(invocation.InnerException).Throw();
            throw;
        }

        return true;
    }

    private static Dictionary<string, ConstructorInfo> Discover()
    {
        var found = new Dictionary<string, ConstructorInfo>(StringComparer.Ordinal);
        var baseType = typeof(CrossResourceCheck).GetTypeInfo();
        foreach (var type in baseType.Assembly.DefinedTypes.Where(t => !t.IsAbstract && baseType.IsAssignableFrom(t)).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var name = type.GetCustomAttribute<CheckNameAttribute>()?.Name
                ?? throw new InvalidOperationException($"{type.FullName} needs a [CheckName] attribute");
            var constructor = type.DeclaredConstructors.FirstOrDefault(c => c.IsPublic && c.GetParameters() is { Length: 1 } p && p[0].ParameterType == typeof(CheckParameters))
                ?? throw new InvalidOperationException($"{type.FullName} needs a public constructor taking CheckParameters");
            if (found.ContainsKey(name))
            {
                throw new InvalidOperationException($"check name '{name}' is used by two cross-resource checks");
            }

            found[name] = constructor;
        }

        return found;
    }
}
