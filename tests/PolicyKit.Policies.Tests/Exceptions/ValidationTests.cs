using System.Linq;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Rules;
using static PolicyKit.Policies.Tests.Exceptions.ExceptionText;

namespace PolicyKit.Policies.Tests.Exceptions;

/// <summary>Every problem with an exception record is a finding of the exceptions pack at the file, line and column of the field.</summary>
public sealed class ValidationTests
{
    public static TheoryData<string> RequiredFields() => new() { "id", "rules", "scope", "owner", "approver", "justification", "ticket", "created", "expires" };

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public void Missing_required_field_is_reported_at_the_record(string field)
    {
        var record = string.Join("\n", Record().Split('\n').Where(l => !l.TrimStart(' ', '-').StartsWith(field + ":")));
        if (field == "id")
        {
            record = record.Replace("    rules:", "  - rules:");
        }

        var finding = Single(Run(File(record)), "PK9001");

        Assert.Equal((FileName, 2), (finding.File, finding.Line));
        Assert.Contains($"missing {field}", finding.Message);
    }

    [Fact]
    public void Empty_required_field_is_reported_at_its_value()
    {
        var finding = Single(Run(File(Record(ticket: "\"\""))), "PK9001");

        Assert.Equal((8, 13), (finding.Line, finding.Column));
    }

    [Fact]
    public void Empty_scope_is_reported_as_missing()
    {
        var finding = Single(Run(File(Record(scope: "{}"))), "PK9001");

        Assert.Equal((4, 12), (finding.Line, finding.Column));
    }

    [Fact]
    public void Unknown_record_field_is_reported_at_its_key()
    {
        var finding = Single(Run(File(Record(extra: "    expiry: 2027-01-01\n"))), "PK9002");

        Assert.Equal((11, 5), (finding.Line, finding.Column));
        Assert.Contains("unknown field 'expiry'", finding.Message);
    }

    [Fact]
    public void Misspelt_scope_field_is_reported_instead_of_widening_the_scope()
    {
        var result = Run(File(Record(scope: "{namespace: [odoo-beta], names: [redis]}")));

        Assert.Equal((4, 13), (Single(result, "PK9002").Line, Single(result, "PK9002").Column));
        Assert.False(Single(result, "PK1009").Suppressed);
    }

    [Fact]
    public void Label_operator_kubernetes_does_not_know_is_reported()
    {
        var finding = Single(Run(File(Record(scope: "{labels: {matchExpressions: [{key: app, operator: Equals, values: [redis]}]}}"))), "PK9002");

        Assert.Contains("operator 'Equals'", finding.Message);
    }

    [Fact]
    public void Exception_file_that_is_not_valid_yaml_is_reported_with_the_line_of_the_error()
    {
        var finding = Single(Run("exceptions:\n  - id: EX-1\n    rules: [PK1009]\n   owner: x\n"), "PK9002");

        Assert.Equal((FileName, 4, 4), (finding.File, finding.Line, finding.Column));
    }

    [Fact]
    public void Document_without_an_exceptions_list_is_reported()
    {
        var finding = Single(Run("waivers:\n  - id: EX-1\n"), "PK9002");

        Assert.Equal(1, finding.Line);
    }

    [Fact]
    public void Repeated_key_in_a_record_is_reported_and_invalidates_it()
    {
        var result = Run(File(Record(extra: "    expires: 2099-01-01\n")));

        Assert.Equal(11, Single(result, "PK9002").Line);
        Assert.False(Single(result, "PK1009").Suppressed);
    }

    [Fact]
    public void Unknown_rule_id_is_reported_at_the_rule()
    {
        var finding = Single(Run(File(Record(rules: "[PK1009, PK1099]"))), "PK9003");

        Assert.Equal((3, 21), (finding.Line, finding.Column));
        Assert.Contains("PK1099 is not defined", finding.Message);
    }

    [Fact]
    public void Rule_reference_that_is_not_a_rule_id_is_reported()
    {
        Assert.Contains("'PK-1009' is not a rule id", Single(Run(File(Record(rules: "[PK-1009]"))), "PK9003").Message);
    }

    [Fact]
    public void Input_rule_cannot_be_waived()
    {
        Assert.Contains("cannot be waived", Single(Run(File(Record(rules: "[PK0003]"))), "PK9003").Message);
    }

    [Fact]
    public void Wildcard_that_matches_no_waivable_rule_is_reported()
    {
        Assert.Contains("PK90* matches no rule that can be waived", Single(Run(File(Record(rules: "[\"PK90*\"]"))), "PK9003").Message);
    }

    [Fact]
    public void Day_that_does_not_exist_is_a_malformed_date_at_its_value()
    {
        var finding = Single(Run(File(Record(expires: "2027-02-30"))), "PK9004");

        Assert.Equal((10, 14), (finding.Line, finding.Column));
    }

    [Fact]
    public void Expiry_before_creation_is_reported_at_the_expiry()
    {
        var finding = Single(Run(File(Record(created: "2026-11-20", expires: "2026-11-19"))), "PK9004");

        Assert.Equal(10, finding.Line);
    }

    [Fact]
    public void Creation_after_the_evaluation_day_is_reported_at_the_creation()
    {
        var finding = Single(Run(File(Record(created: "2026-11-29"))), "PK9004");

        Assert.Equal(9, finding.Line);
    }

    [Fact]
    public void Approver_equal_to_owner_is_reported_at_the_approver()
    {
        var finding = Single(Run(File(Record(approver: "maria.lopez@acme.example"))), "PK9005");

        Assert.Equal((FileName, 6, 15), (finding.File, finding.Line, finding.Column));
    }

    [Fact]
    public void Owner_and_approver_are_compared_by_address_ignoring_case()
    {
        var record = Record(owner: "Maria Lopez <Maria.Lopez@ACME.example>", approver: "maria.lopez@acme.example");

        Assert.Equal(6, Single(Run(File(record)), "PK9005").Line);
    }

    [Fact]
    public void Exception_longer_than_its_severity_allows_is_reported_at_the_expiry()
    {
        // PK1009 is high: 90 days at most; 2026-11-20 to 2027-02-19 is 91.
        var finding = Single(Run(File(Record(expires: "2027-02-19"))), "PK9006");

        Assert.Equal((10, 14), (finding.Line, finding.Column));
        Assert.Contains("91 days", finding.Message);
    }

    [Fact]
    public void Exception_exactly_as_long_as_its_severity_allows_is_valid()
    {
        Assert.Empty(Of(Run(File(Record(expires: "2027-02-18"))), "PK9006"));
    }

    [Fact]
    public void Maximum_duration_comes_from_the_policy_file()
    {
        using var folder = new TempFolder();
        var config = folder.Policy("exceptions:\n  maxDuration: {high: 30}\n");

        Assert.Single(Of(Run(File(Record(expires: "2026-12-21")), config: config), "PK9006"));
    }

    [Fact]
    public void Exception_is_held_to_the_highest_severity_the_policy_gives_its_rule()
    {
        using var folder = new TempFolder();
        var config = folder.Policy("environments:\n  - name: production\n    paths: [\"prod/**\"]\n    rules:\n      PK1009: {severity: critical}\n");

        Assert.Contains("critical rule (PK1009) may last at most 30 days", Single(Run(File(Record()), config: config), "PK9006").Message);
    }

    [Fact]
    public void Critical_rule_waived_for_every_resource_is_reported_at_the_scope()
    {
        var finding = Single(Run(File(Record(rules: "[PK1007]", scope: "{environments: [production]}", expires: "2026-12-10"))), "PK9007");

        Assert.Equal((4, 12), (finding.Line, finding.Column));
    }

    [Fact]
    public void Critical_rule_waived_with_a_star_namespace_is_reported()
    {
        Assert.Single(Of(Run(File(Record(rules: "[PK1007]", scope: "{namespaces: [\"*\"]}", expires: "2026-12-10"))), "PK9007"));
    }

    [Fact]
    public void High_rule_may_be_waived_for_every_resource()
    {
        Assert.Empty(Of(Run(File(Record(scope: "{namespaces: [\"*\"]}"))), "PK9007"));
    }

    [Fact]
    public void Duplicate_ids_are_reported_at_each_record_ignoring_case()
    {
        var findings = Of(Run(File(Record(id: "EX-1"), Record(id: "ex-1"))), "PK9008");

        Assert.Equal(new[] { 2, 11 }, findings.Select(f => f.Line));
    }

    [Fact]
    public void Validation_findings_are_high_and_block_by_default()
    {
        var finding = Single(Run(File(Record(approver: "maria.lopez@acme.example"))), "PK9005");

        Assert.Equal((Severity.High, true), (finding.Severity, finding.Blocking));
    }

    [Fact]
    public void Record_finding_has_no_resource_and_names_the_record_by_field_path()
    {
        var finding = Single(Run(File(Record(approver: "maria.lopez@acme.example"))), "PK9005");

        Assert.Null(finding.Resource);
        Assert.Equal("exceptions[id=EX-1].approver", finding.FieldPath);
    }

    [Fact]
    public void Record_finding_fingerprint_survives_moving_the_record()
    {
        var before = Single(Run(File(Record(approver: "maria.lopez@acme.example"))), "PK9005").Fingerprint;
        var after = Single(Run("# moved down\n\n" + File(Record(approver: "maria.lopez@acme.example"))), "PK9005").Fingerprint;

        Assert.Equal(before, after);
    }
}
