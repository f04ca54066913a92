namespace PolicyKit.Policies.Model;

/// <summary>Who a Kubernetes object is: its apiVersion, kind, namespace and name. Namespace and name may be absent.</summary>
public sealed record ResourceIdentity(string ApiVersion, string Kind, string? Namespace, string? Name)
{
    /// <summary>The API group, empty for the core group (<c>v1</c>).</summary>
    public string Group
    {
        get
        {
            var slash = ApiVersion.IndexOf('/');
            return slash < 0 ? string.Empty : ApiVersion.Substring(0, slash);
        }
    }

    /// <summary>A readable form for messages: <c>Deployment odoo-acme/odoo-web</c>.</summary>
    public override string ToString() =>
        Namespace is null ? $"{Kind} {Name ?? "(unnamed)"}" : $"{Kind} {Namespace}/{Name ?? "(unnamed)"}";
}
