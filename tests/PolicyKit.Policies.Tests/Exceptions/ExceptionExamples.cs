using System;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Loading;

namespace PolicyKit.Policies.Tests.Exceptions;

/// <summary>
/// How the examples of <c>exception-record</c> rules are judged: each example is an exception file, applied on
/// <see cref="Day"/> to <see cref="Fixture"/>, a Redis StatefulSet that PK1009 (runs as root) and PK1001 (no digest)
/// report. The pack description in rules/exceptions/pack.yaml tells readers of the rule pages the same.
/// </summary>
internal static class ExceptionExamples
{
    public static readonly DateTimeOffset Day = new(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);

    public const string Fixture = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: redis
          namespace: odoo-acme
          labels:
            app.kubernetes.io/name: redis
        spec:
          serviceName: redis
          selector:
            matchLabels:
              app.kubernetes.io/name: redis
          template:
            metadata:
              labels:
                app.kubernetes.io/name: redis
            spec:
              containers:
                - name: redis
                  image: redis:7.2.5
        """;

    public static EvaluationRequest Request(string ruleId, string exceptionFile) =>
        new(new[] { ManifestSource.FromText("redis.yaml", Fixture) }, PolicyConfig.Defaults("/"))
        {
            ExceptionSources = new[] { ManifestSource.FromText($"exceptions/{ruleId}-example.yaml", exceptionFile) },
            Now = Day,
        };
}
