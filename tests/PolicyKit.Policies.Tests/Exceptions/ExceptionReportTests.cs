using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PolicyKit.Policies.Exceptions;
using PolicyKit.Policies.Reports.Exceptions;
using PolicyKit.Testing;
using static PolicyKit.Policies.Tests.Exceptions.ExceptionText;

namespace PolicyKit.Policies.Tests.Exceptions;

/// <summary>The exception register auditors read, in Markdown, CSV, JSON and HTML, from the same run as the gate.</summary>
public sealed class ExceptionReportTests
{
    private static ExceptionRegister RegisterOf(string exceptionFile) =>
        ExceptionRegister.From(Run(exceptionFile), AuditTrail.NotRequested);

    private static string Write(ExceptionReportFormat format, ExceptionRegister register)
    {
        using var stream = new MemoryStream();
        ExceptionReportWriter.Write(register, format, SampleRegister.Tool, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Markdown_register_of_the_sample_matches_the_approved_file()
    {
        Golden.Verify(SampleRegister.Write(ExceptionReportFormat.Markdown), "tests", "PolicyKit.Policies.Tests", "Approved", "exceptions-report.md");
    }

    [Fact]
    public void Csv_register_of_the_sample_matches_the_approved_file()
    {
        Golden.Verify(SampleRegister.Write(ExceptionReportFormat.Csv), "tests", "PolicyKit.Policies.Tests", "Approved", "exceptions-report.csv");
    }

    [Fact]
    public void Json_register_of_the_sample_matches_the_approved_file()
    {
        Golden.Verify(SampleRegister.Write(ExceptionReportFormat.Json), "tests", "PolicyKit.Policies.Tests", "Approved", "exceptions-report.json");
    }

    [Fact]
    public void Html_register_of_the_sample_matches_the_approved_file()
    {
        Golden.Verify(SampleRegister.Write(ExceptionReportFormat.Html), "tests", "PolicyKit.Policies.Tests", "Approved", "exceptions-report.html");
    }

    [Fact]
    public void Sample_register_has_a_record_in_every_status()
    {
        var statuses = SampleRegister.Register().Entries.Select(e => e.Status).Distinct();

        Assert.Equal(ExceptionStatuses.All.OrderBy(s => s), statuses.OrderBy(s => s));
    }

    [Fact]
    public void Json_register_matches_its_published_schema()
    {
        SchemaValidation.AssertValid(SampleRegister.Write(ExceptionReportFormat.Json), RepositoryPaths.Combine("docs", "schemas", "exception-report.schema.json"));
    }

    [Fact]
    public void Json_register_without_history_matches_its_published_schema()
    {
        SchemaValidation.AssertValid(Write(ExceptionReportFormat.Json, RegisterOf(File(Record(), Record(id: "EX-2", ticket: "\"\"")))), RepositoryPaths.Combine("docs", "schemas", "exception-report.schema.json"));
    }

    [Fact]
    public void Html_register_loads_nothing_from_outside_the_page()
    {
        var html = SampleRegister.Write(ExceptionReportFormat.Html);

        foreach (var reference in new[] { "http://", "https://", "<script", "<link", "src=", "url(", "@import", "<iframe", "<object", "<embed" })
        {
            Assert.DoesNotContain(reference, html, System.StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Html_register_draws_the_status_and_age_charts_as_inline_svg()
    {
        var html = SampleRegister.Write(ExceptionReportFormat.Html);

        Assert.Contains("aria-label=\"Exceptions by status: active 2, expiring 1, expired 1, invalid 2, unused 1\"", html);
        Assert.Contains("aria-label=\"Exceptions by age: 0–30 days 4, 31–90 days 2, 91–180 days 1, 181–365 days 0, over 365 days 0\"", html);
    }

    [Fact]
    public void Html_register_prints_on_a4_landscape_with_repeated_table_headers()
    {
        var html = SampleRegister.Write(ExceptionReportFormat.Html);

        Assert.Contains("@page { size: A4 landscape;", html);
        Assert.Contains("thead { display: table-header-group; }", html);
    }

    [Fact]
    public void Html_register_escapes_record_text()
    {
        var html = Write(ExceptionReportFormat.Html, RegisterOf(File(Record(justification: "\"<script>alert('x')</script>\""))));

        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html);
    }

    [Fact]
    public void Csv_register_quotes_fields_with_commas_quotes_and_line_breaks()
    {
        var csv = Write(ExceptionReportFormat.Csv, RegisterOf(File(Record(justification: "\"Redis, \\\"the cache\\\"\\nneeds root\""))));

        var rows = Csv.Parse(csv);

        Assert.Equal("Redis, \"the cache\"\nneeds root", rows[1][CsvExceptionReport.Columns.ToList().IndexOf("justification")]);
    }

    [Fact]
    public void Csv_register_has_a_header_and_one_row_of_every_column_per_exception()
    {
        var rows = Csv.Parse(SampleRegister.Write(ExceptionReportFormat.Csv));

        Assert.Equal(CsvExceptionReport.Columns, rows[0]);
        Assert.Equal(8, rows.Count);
        Assert.All(rows, row => Assert.Equal(CsvExceptionReport.Columns.Count, row.Count));
    }

    [Fact]
    public void Csv_register_ends_lines_with_crlf()
    {
        var csv = SampleRegister.Write(ExceptionReportFormat.Csv);

        Assert.Equal(csv.Split('\n').Length - 1, csv.Split("\r\n").Length - 1);
    }

    [Fact]
    public void Csv_register_neutralises_text_a_spreadsheet_would_run_as_a_formula()
    {
        var rows = Csv.Parse(Write(ExceptionReportFormat.Csv, RegisterOf(File(Record(justification: "\"=HYPERLINK(\\\"http://x.example\\\")\"")))));

        Assert.Equal("'=HYPERLINK(\"http://x.example\")", rows[1][CsvExceptionReport.Columns.ToList().IndexOf("justification")]);
    }

    [Fact]
    public void Csv_register_leaves_negative_numbers_as_numbers()
    {
        var rows = Csv.Parse(Write(ExceptionReportFormat.Csv, RegisterOf(File(Record(expires: "2026-11-27")))));

        Assert.Equal("-1", rows[1][CsvExceptionReport.Columns.ToList().IndexOf("days_remaining")]);
    }

    [Fact]
    public void Markdown_register_escapes_table_syntax_in_record_text()
    {
        var markdown = Write(ExceptionReportFormat.Markdown, RegisterOf(File(Record(justification: "\"a | b\""))));

        Assert.Contains("| a \\| b |", markdown);
    }

    [Fact]
    public void Register_states_why_there_is_no_audit_trail()
    {
        var register = ExceptionRegister.From(Run(File(Record())), AuditTrail.Unavailable("git not available: 'git' could not be started"));

        Assert.Contains("git not available: 'git' could not be started", Write(ExceptionReportFormat.Markdown, register));
    }

    [Fact]
    public void Register_lists_the_findings_each_exception_waives_with_their_location()
    {
        var waived = RegisterOf(File(Record())).Entries.Single().Waived.Single();

        Assert.Equal(("PK1009", "StatefulSet odoo-acme/redis", "manifests.yaml:19:17"), (waived.RuleId, waived.Resource, waived.Location));
    }

    [Fact]
    public void Register_lists_exceptions_by_id()
    {
        var ids = RegisterOf(File(Record(id: "EX-3"), Record(id: "EX-1", scope: "{names: [a]}"), Record(id: "EX-2", scope: "{names: [b]}"))).Entries.Select(e => e.Id);

        Assert.Equal(new[] { "EX-1", "EX-2", "EX-3" }, ids);
    }

    [Fact]
    public void Summary_counts_every_status_including_zero()
    {
        var byStatus = RegisterOf(File(Record())).Summary.ByStatus;

        Assert.Equal(new[] { ("active", 1), ("expiring", 0), ("expired", 0), ("invalid", 0), ("unused", 0) }, byStatus.Select(s => (s.Key.ToName(), s.Value)));
    }

    [Fact]
    public void Summary_gives_mean_and_maximum_age_in_days()
    {
        var summary = RegisterOf(File(Record(created: "2026-11-18"), Record(id: "EX-2", created: "2026-11-23"))).Summary;

        Assert.Equal((7.5, 10), (summary.MeanAgeDays, summary.MaxAgeDays));
    }

    [Fact]
    public void Summary_counts_exceptions_created_per_month()
    {
        var summary = RegisterOf(File(Record(created: "2026-10-31"), Record(id: "EX-2", created: "2026-11-01"), Record(id: "EX-3", created: "2026-11-02"))).Summary;

        Assert.Equal(new[] { ("2026-10", 1), ("2026-11", 2) }, summary.CreatedPerMonth.Select(c => (c.Key, c.Value)));
    }

    private static ExceptionSummary TwoOwnersSummary() =>
        RegisterOf(File(Record(), Record(id: "EX-2", rules: "[PK1001]", scope: "{environments: [staging], images: [\"redis:*\"]}", owner: "priya@acme.example"))).Summary;

    [Fact]
    public void Summary_counts_exceptions_by_rule()
    {
        Assert.Equal(new[] { ("PK1001", 1), ("PK1009", 1) }, TwoOwnersSummary().ByRule.Select(c => (c.Key, c.Value)));
    }

    [Fact]
    public void Summary_counts_exceptions_by_owner()
    {
        Assert.Equal(new[] { ("maria.lopez@acme.example", 1), ("priya@acme.example", 1) }, TwoOwnersSummary().ByOwner.Select(c => (c.Key, c.Value)));
    }

    [Fact]
    public void Summary_counts_exceptions_by_environment_of_their_scope()
    {
        Assert.Equal(new[] { ("(every environment)", 1), ("staging", 1) }, TwoOwnersSummary().ByEnvironment.Select(c => (c.Key, c.Value)));
    }

    /// <summary>A strict RFC 4180 reader, so the tests read the CSV the way a spreadsheet does.</summary>
    private static class Csv
    {
        public static List<List<string>> Parse(string text)
        {
            var rows = new List<List<string>>();
            var row = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        field.Append(c);
                    }
                }
                else if (c == '"' && field.Length == 0)
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    row.Add(field.ToString());
                    field.Clear();
                }
                else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    row.Add(field.ToString());
                    field.Clear();
                    rows.Add(row);
                    row = new List<string>();
                    i++;
                }
                else
                {
                    Assert.True(c != '"' && c != '\n' && c != '\r', $"unquoted {(int)c} at {i}");
                    field.Append(c);
                }
            }

            Assert.True(row.Count == 0 && field.Length == 0, "the last row must end with CRLF");
            return rows;
        }
    }
}
