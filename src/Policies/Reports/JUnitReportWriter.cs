using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using PolicyKit.Policies.Diff;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.Reports;

/// <summary>
/// JUnit XML for the test tabs of GitHub, GitLab, Azure DevOps and Jenkins (the Jenkins <c>junit-10.xsd</c> schema): a
/// test suite per category and a test case per rule and resource. A case fails when one of its findings fails the gate,
/// is skipped when exceptions waive all its findings, and passes otherwise (findings below the threshold, or existing
/// ones a change is not charged with, are listed in its output).
/// </summary>
public static class JUnitReportWriter
{
    public static void Write(EvaluationResult result, ChangeReview? review, Stream stream)
    {
        var failing = new HashSet<Finding>(review?.Failing ?? result.Findings.Where(f => f.Blocking));
        var cases = result.Findings
            .GroupBy(f => (f.Category, f.RuleId, Subject: Subject(f)))
            .Select(g => new TestCase(g.Key.Category, $"{g.Key.RuleId} {g.Key.Subject}", g.ToList(), g.Any(failing.Contains), g.All(f => f.Suppressed)))
            .ToList();

        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  ", NewLineChars = "\n" };
        using var xml = XmlWriter.Create(stream, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "policykit");
        xml.WriteAttributeString("tests", Number(cases.Count));
        xml.WriteAttributeString("failures", Number(cases.Count(c => c.Failed)));
        xml.WriteAttributeString("errors", "0");
        foreach (var suite in cases.GroupBy(c => c.Category).OrderBy(g => g.Key, System.StringComparer.Ordinal))
        {
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", "policykit." + suite.Key);
            xml.WriteAttributeString("tests", Number(suite.Count()));
            xml.WriteAttributeString("failures", Number(suite.Count(c => c.Failed)));
            xml.WriteAttributeString("errors", "0");
            xml.WriteAttributeString("skipped", Number(suite.Count(c => !c.Failed && c.Skipped)));
            foreach (var testCase in suite.OrderBy(c => c.Name, System.StringComparer.Ordinal))
            {
                WriteCase(xml, testCase, review);
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteCase(XmlWriter xml, TestCase testCase, ChangeReview? review)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", testCase.Name);
        xml.WriteAttributeString("classname", "policykit." + testCase.Category);
        var details = string.Join("\n", testCase.Findings.Select(f => Line(f, review)));
        var first = testCase.Findings[0];
        if (testCase.Failed)
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("type", first.Severity.ToName());
            xml.WriteAttributeString("message", first.Message);
            xml.WriteString(details);
            xml.WriteEndElement();
        }
        else if (testCase.Skipped)
        {
            xml.WriteStartElement("skipped");
            xml.WriteAttributeString("message", "waived by " + string.Join(", ", testCase.Findings.Select(f => f.Suppression!.ExceptionId).Distinct()));
            xml.WriteEndElement();
        }
        else
        {
            xml.WriteElementString("system-out", details);
        }

        xml.WriteEndElement();
    }

    private static string Line(Finding finding, ChangeReview? review)
    {
        var state = finding.Suppression is { } suppression ? $" (suppressed by {suppression.ExceptionId})"
            : review is not null && review.ChangeOf(finding) == FindingChange.Existing ? " (existing)"
            : finding.Blocking ? string.Empty : " (below the threshold)";
        return $"{finding.File}:{finding.Line}:{finding.Column}: {finding.Severity.ToName()} {finding.RuleId}: {finding.Message}{state}";
    }

    /// <summary>The resource a finding is about, or its file when it is about no resource.</summary>
    private static string Subject(Finding finding) => finding.Resource?.ToString() ?? finding.File;

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed record TestCase(string Category, string Name, IReadOnlyList<Finding> Findings, bool Failed, bool Skipped);
}
