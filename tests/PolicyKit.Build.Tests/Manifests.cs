using System;

namespace PolicyKit.Build.Tests;

/// <summary>The manifests and records the consumer projects carry.</summary>
internal static class Manifests
{
    /// <summary>
    /// A hardened Deployment whose container has no probes (PK1005, PK1006: warnings under <c>failOn: high</c>) and,
    /// when <paramref name="privileged"/>, runs privileged (PK1007: high, so an error).
    /// </summary>
    public static string Deployment(bool privileged) => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              automountServiceAccountToken: false
              securityContext:
                runAsNonRoot: true
                seccompProfile:
                  type: RuntimeDefault
              containers:
                - name: web
                  image: registry.example.com/shop/web:1.4.2@sha256:509426346862f7cb7e8a5616077982d83b9854f046de427d00dff714c7049f2d
                  securityContext:
                    allowPrivilegeEscalation: false
                    privileged: {(privileged ? "true" : "false")}
                    readOnlyRootFilesystem: true
                    capabilities:
                      drop: ["ALL"]
                  resources:
                    requests:
                      cpu: 100m
                      memory: 128Mi
                    limits:
                      memory: 256Mi

        """;

    /// <summary>The 1-based line and column of the value of <c>privileged:</c>, where PK1007 points.</summary>
    public static (int Line, int Column) PrivilegedValue()
    {
        var lines = Deployment(privileged: true).Split('\n');
        var index = Array.FindIndex(lines, l => l.TrimStart().StartsWith("privileged:", StringComparison.Ordinal));
        return (index + 1, lines[index].IndexOf("true", StringComparison.Ordinal) + 1);
    }

    /// <summary>An active exception record waiving PK1007 for the web Deployment, valid from yesterday for three weeks (a critical rule may be waived for at most 30 days).</summary>
    public static string PrivilegedException(string id)
    {
        var today = DateTime.UtcNow.Date;
        return $"""
            exceptions:
              - id: {id}
                rules: [PK1007]
                scope:
                  kinds: [Deployment]
                  names: [web]
                owner: Ana Silva <ana.silva@shop.example>
                approver: Tom Berg <tom.berg@shop.example>
                justification: The payment terminal driver needs a privileged container until the vendor ships a fix.
                ticket: SHOP-42
                created: {today.AddDays(-1):yyyy-MM-dd}
                expires: {today.AddDays(20):yyyy-MM-dd}

            """;
    }

}
